using System.Globalization;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// Reads a date from a field for a date condition, in the declared formats or, when none are declared,
/// in ISO 8601 and <c>yyyyMMdd</c>. A value with a UTC offset or <c>Z</c> counts on its date in the
/// Netherlands: systems that store local midnight as UTC write the day before.
/// </summary>
internal sealed class DateValueParser
{
    private static readonly string[] DefaultFormats =
    [
        "yyyy-MM-dd",
        "yyyyMMdd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private readonly string[] _formats;

    public DateValueParser(IReadOnlyList<string> declaredFormats)
    {
        _formats = declaredFormats.Count > 0 ? [.. declaredFormats] : DefaultFormats;
    }

    public bool TryParse(string text, out DateOnly date)
    {
        var value = text.Trim();
        if (!DateTimeOffset.TryParseExact(value, _formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = default;
            return false;
        }

        date = HasOffset(value) ? DutchTime.ToDutchDate(parsed) : DateOnly.FromDateTime(parsed.DateTime);
        return true;
    }

    /// <summary>Whether the text ends in <c>Z</c> or an offset such as <c>+02:00</c> after a time.</summary>
    private static bool HasOffset(string value)
    {
        var timeStart = value.IndexOfAny(['T', ' ']);
        if (timeStart < 0)
        {
            return false;
        }

        var time = value.AsSpan(timeStart + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}
