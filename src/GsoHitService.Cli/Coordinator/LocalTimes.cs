using System.Globalization;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using Google.Protobuf.WellKnownTypes;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Shows moments in the local time zone in the user's date format, with their age ("2 uur
/// geleden") where freshness matters.
/// </summary>
internal sealed class LocalTimes(TimeProvider timeProvider)
{
    public static LocalTimes System { get; } = new(TimeProvider.System);

    public string Format(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, timeProvider.LocalTimeZone).ToString(CoordinatorStrings.DateTimeFormat, CultureInfo.InvariantCulture);

    public string Format(DateTime time) => Format(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero));

    public string Format(Timestamp time) => Format(time.ToDateTimeOffset());

    /// <summary>Formats the moment followed by its age, for example <c>12-03-2026 06:00 (2 uur geleden)</c>.</summary>
    public string FormatWithAge(Timestamp time) => Messages.Format(CoordinatorStrings.TimeWithAge, Format(time), Age(time.ToDateTimeOffset()));

    public string Age(DateTimeOffset time)
    {
        var age = timeProvider.GetUtcNow() - time;
        if (age < TimeSpan.FromMinutes(-1))
        {
            // The other side's clock runs ahead of this one.
            return CoordinatorStrings.AgeInFuture;
        }

        if (age < TimeSpan.FromMinutes(1))
        {
            return CoordinatorStrings.AgeJustNow;
        }

        if (age < TimeSpan.FromHours(1))
        {
            return Messages.Format(CoordinatorStrings.AgeMinutes, (int)age.TotalMinutes);
        }

        return age < TimeSpan.FromHours(48)
            ? Messages.Format(CoordinatorStrings.AgeHours, (int)age.TotalHours)
            : Messages.Format(CoordinatorStrings.AgeDays, (int)age.TotalDays);
    }
}
