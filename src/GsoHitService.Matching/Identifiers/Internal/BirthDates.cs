using System.Collections.Concurrent;

namespace GsoHitService.Matching;

/// <summary>
/// Birth dates in the BRP form <c>yyyymmdd</c> with <c>00</c> for unknown parts. The precision is
/// part of the key: a partial date (<c>19850300</c>, <c>19850000</c>) is never completed, an
/// unknown date (<c>00000000</c>) gives no key, and a date that cannot exist is rejected. The
/// format of a column is declared, never guessed between day-month and month-day.
/// </summary>
internal static class BirthDates
{
    /// <summary>The declared format for spreadsheet day numbers.</summary>
    public const string ExcelSerialFormat = "excel-serial";

    public const int Length = 8;

    private static readonly DateFormat[] UndeclaredFormats = [DateFormat.Parse("yyyyMMdd"), DateFormat.Parse("yyyy-MM-dd")];

    private static readonly ConcurrentDictionary<string, DateFormat> ParsedFormats = new(StringComparer.Ordinal);

    /// <summary>Validates a birth date (already NFKC) in the column's declared formats.</summary>
    /// <exception cref="ArgumentException">A declared format is not supported.</exception>
    public static bool TryCanonicalize(string? value, IReadOnlyList<string> formats, out string canonical, out IdentifierRule failedRule)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            failedRule = IdentifierRule.BirthDateMissing;
            return false;
        }

        var text = TextRules.CollapseSeparators(value);
        if (!TryMatchFormats(text, formats, out var year, out var month, out var day, out failedRule))
        {
            return false;
        }

        if (!IsPossible(year, month, day, out failedRule))
        {
            return false;
        }

        canonical = string.Create(Length, (year, month, day), static (span, date) =>
        {
            WriteDigits(span[..4], date.year);
            WriteDigits(span[4..6], date.month);
            WriteDigits(span[6..], date.day);
        });
        return true;
    }

    private static bool TryMatchFormats(string text, IReadOnlyList<string> formats, out int year, out int month, out int day, out IdentifierRule failedRule)
    {
        year = month = day = 0;
        if (formats.Count == 0)
        {
            foreach (var format in UndeclaredFormats)
            {
                if (format.TryMatch(text, out year, out month, out day))
                {
                    failedRule = default;
                    return true;
                }
            }
        }

        foreach (var declared in formats)
        {
            if (declared == ExcelSerialFormat)
            {
                if (TryMatchExcelSerial(text, out year, out month, out day, out failedRule))
                {
                    return true;
                }

                if (failedRule != default)
                {
                    return false;
                }

                continue;
            }

            var format = ParsedFormats.GetOrAdd(declared, DateFormat.Parse);
            if (format.TryMatch(text, out year, out month, out day))
            {
                failedRule = default;
                return true;
            }
        }

        failedRule = ExcelArtefacts.HasDateOrExponent(text) ? IdentifierRule.ExcelArtefact : IdentifierRule.UndeclaredDateFormat;
        return false;
    }

    /// <summary>
    /// Reads a spreadsheet day number in the 1900 date system: 1 is 1 January 1900, and 60 is the
    /// 29 February 1900 that spreadsheets count although it did not exist.
    /// </summary>
    /// <remarks>NOTE: the 1904 date system of old Mac spreadsheets is not supported.</remarks>
    private static bool TryMatchExcelSerial(string text, out int year, out int month, out int day, out IdentifierRule failedRule)
    {
        year = month = day = 0;
        failedRule = default;
        if (text.Length is 0 or > 7 || !TextRules.IsAsciiDigits(text))
        {
            return false;
        }

        var serial = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        if (serial is 0 or 60 || serial > DateOnly.MaxValue.DayNumber - new DateOnly(1899, 12, 30).DayNumber)
        {
            failedRule = IdentifierRule.ImpossibleDate;
            return false;
        }

        var date = serial < 60 ? new DateOnly(1899, 12, 31).AddDays(serial) : new DateOnly(1899, 12, 30).AddDays(serial);
        (year, month, day) = (date.Year, date.Month, date.Day);
        return true;
    }

    /// <summary>Checks the BRP rules: a known part never sits under an unknown one, and a full date exists.</summary>
    private static bool IsPossible(int year, int month, int day, out IdentifierRule failedRule)
    {
        if (year == 0 && month == 0 && day == 0)
        {
            failedRule = IdentifierRule.UnknownBirthDate;
            return false;
        }

        var possible = year > 0
            && month <= 12
            && (month > 0 || day == 0)
            && (day == 0 || day <= DateTime.DaysInMonth(year, month));
        failedRule = possible ? default : IdentifierRule.ImpossibleDate;
        return possible;
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
