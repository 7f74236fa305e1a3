using System.Globalization;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Sql;

/// <summary>
/// Turns database values into field values: text stays text (fixed-length CHAR padding removed),
/// numbers are marked as numbers so that no identifier silently loses its leading zeros, and dates
/// become ISO text.
/// </summary>
internal static class SqlValues
{
    /// <summary>Largest integer that a double represents exactly (2^53).</summary>
    private const double MaxExactDouble = 9_007_199_254_740_992d;

    /// <summary>
    /// Whether a column type pads its values with spaces: CHAR and NCHAR (SQL Server), character and
    /// bpchar (PostgreSQL). Varying types keep their values as stored.
    /// </summary>
    public static bool IsFixedLengthText(string? dataTypeName)
    {
        if (string.IsNullOrEmpty(dataTypeName))
        {
            return false;
        }

        var name = dataTypeName.Trim().ToLowerInvariant();
        var parenthesis = name.IndexOf('(');
        var baseName = (parenthesis < 0 ? name : name[..parenthesis]).Trim();
        return baseName is "char" or "nchar" or "bpchar" or "character" or "national character";
    }

    /// <summary>Converts one non-null value; returns null for text that is empty or only white space.</summary>
    public static FieldValue? Convert(object value, bool isFixedLengthText) => value switch
    {
        string text => FromText(isFixedLengthText ? text.TrimEnd(' ') : text),
        char character => FromText(character.ToString()),
        long or int or short or sbyte or byte or ulong or uint or ushort => Number(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        decimal number => Number(decimal.Truncate(number) == number
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString(CultureInfo.InvariantCulture)),
        double number => FromDouble(number),
        float number => FromDouble(number),
        DateTime dateTime => FieldValue.FromText(FormatDateTime(dateTime)),
        DateOnly date => FieldValue.FromText(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset dateTime => FieldValue.FromText(dateTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        bool flag => FieldValue.FromText(flag ? "true" : "false"),
        Guid guid => FieldValue.FromText(guid.ToString("D")),
        TimeSpan or TimeOnly => FieldValue.FromText(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        _ => new FieldValue("", FieldValueKind.Unsupported),
    };

    private static FieldValue? FromText(string text) => string.IsNullOrWhiteSpace(text) ? null : FieldValue.FromText(text);

    private static FieldValue Number(string digits) => new(digits, FieldValueKind.Number);

    // An integral double within 2^53 is exact; anything else keeps its fraction or exponent and is
    // therefore rejected wherever an integer is expected.
    private static FieldValue FromDouble(double number) =>
        Math.Abs(number) <= MaxExactDouble && Math.Floor(number) == number
            ? Number(((long)number).ToString(CultureInfo.InvariantCulture))
            : Number(number.ToString("R", CultureInfo.InvariantCulture));

    private static string FormatDateTime(DateTime dateTime) => dateTime switch
    {
        { Kind: DateTimeKind.Utc } => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        { TimeOfDay.Ticks: 0 } => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
    };
}
