using System.Globalization;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Reads the validity period of a decision to prepare from <c>--geldig-vanaf</c> and
/// <c>--geldig-tot</c>, given in local time. A date without a time means 00:00 that day, and the
/// end is exclusive: <c>--geldig-tot 2026-04-01</c> ends at the start of 1 April.
/// </summary>
internal static class ValidityInput
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
        "dd-MM-yyyy", "dd-MM-yyyy HH:mm", "dd-MM-yyyy HH:mm:ss",
    ];

    /// <summary>Returns the period in UTC, whole seconds.</summary>
    /// <exception cref="CoordinatorCommandException">A date is not in an accepted form, the end is not after the start, or the end has passed.</exception>
    public static (DateTimeOffset From, DateTimeOffset Until) Read(string? fromText, string untilText, TimeProvider timeProvider)
    {
        var now = TruncateToSeconds(timeProvider.GetUtcNow());
        var from = fromText is null ? now : Parse(fromText, "--geldig-vanaf", timeProvider.LocalTimeZone);
        var until = Parse(untilText, "--geldig-tot", timeProvider.LocalTimeZone);

        if (until <= now)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, SignalStrings.ValidityEndPassed);
        }

        if (until <= from)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, SignalStrings.ValidityEndBeforeStart);
        }

        return (from, until);
    }

    private static DateTimeOffset Parse(string text, string option, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.DateInvalid, option, text));
        }

        if (zone.IsInvalidTime(local))
        {
            // The hour that the clock skips when daylight saving time starts.
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.DateNotInTimeZone, option, text));
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return TruncateToSeconds(new DateTimeOffset(utc, TimeSpan.Zero));
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
