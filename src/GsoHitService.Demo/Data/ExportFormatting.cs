using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GsoHitService.Demo.Data;

/// <summary>
/// Encodings, date forms and JSON writer settings shared by the export generators. Every form is
/// culture-invariant and fixes its own line ends, so that the files are byte-identical on every
/// machine.
/// </summary>
internal static class ExportFormatting
{
    /// <summary>UTF-8 with a byte order mark, as Excel and many Windows back-office systems write CSV.</summary>
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>UTF-8 without a byte order mark, as web APIs return JSON.</summary>
    public static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Indented JSON with <c>\n</c> line ends (the default follows the operating system) and
    /// non-ASCII letters written as UTF-8 rather than <c>\u</c> escapes, as the source systems do.
    /// </summary>
    public static JsonWriterOptions JsonOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a date as <c>dd-mm-jjjj</c>, the usual Dutch form.</summary>
    public static string DutchDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Writes a date as ISO <c>yyyy-MM-dd</c>.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes a date as Decos JOIN does: local midnight without offset, <c>2024-01-31T00:00:00</c>.</summary>
    public static string DecosDateTime(DateOnly date) => IsoDate(date) + "T00:00:00";

    /// <summary>
    /// Writes local midnight of a date in Amsterdam as a UTC instant, as PowerBrowser does in its
    /// <c>fieldValue</c>: the UTC date is one day earlier, for example 04-10-2024 becomes
    /// <c>2024-10-03T22:00:00.0000000Z</c>.
    /// </summary>
    public static string PowerBrowserUtc(DateOnly localDate)
    {
        var offsetHours = IsAmsterdamSummerTimeAtMidnight(localDate) ? 2 : 1;
        var utc = localDate.ToDateTime(TimeOnly.MinValue).AddHours(-offsetHours);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes an integer with invariant digits.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes an amount in euros the Dutch way: <c>1.234,50</c>.</summary>
    public static string DutchAmount(decimal amount)
    {
        // The invariant culture's separators, swapped: no culture data of the machine is used.
        var invariant = amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return invariant.Replace(',', '_').Replace('.', ',').Replace('_', '.');
    }

    /// <summary>
    /// Whether Amsterdam is on summer time (UTC+2) at 00:00 local time on a date. Computed with
    /// the EU rule in force since 1996 (from the last Sunday of March to the last Sunday of
    /// October, switching at 01:00 UTC) rather than the machine's time zone data, which may be
    /// missing or differ.
    /// </summary>
    private static bool IsAmsterdamSummerTimeAtMidnight(DateOnly date)
    {
        var start = LastSunday(date.Year, 3);
        var end = LastSunday(date.Year, 10);

        // Midnight on the switch-over Sunday is before the 02:00 (March) or 03:00 (October) local
        // switch, so it still has the offset of the day before.
        return date > start && date <= end;
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
