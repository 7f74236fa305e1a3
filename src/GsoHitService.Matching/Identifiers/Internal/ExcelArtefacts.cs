namespace GsoHitService.Matching;

/// <summary>
/// Recognises what a spreadsheet makes of an identifier when a user opens an export and saves it:
/// a date with a month abbreviation (<c>12-2</c> shown as <c>12-feb</c>), scientific notation
/// (<c>123456789012</c> shown as <c>1,23457E+11</c>) and a decimal part (<c>12345672.0</c>).
/// Such values lost information, so they are rejected, never repaired.
/// </summary>
internal static class ExcelArtefacts
{
    // Month abbreviations as Dutch- and English-locale spreadsheets display them.
    private static readonly string[] MonthAbbreviations =
    [
        "jan", "feb", "mrt", "mar", "apr", "mei", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov", "dec",
    ];

    /// <summary>Checks for a month abbreviation or <c>E+</c> notation next to digits.</summary>
    public static bool HasDateOrExponent(ReadOnlySpan<char> value) =>
        HasExponent(value) || HasMonthAbbreviation(value);

    /// <summary>
    /// Checks for a whole number with a decimal part of zeros only, as a float column writes it:
    /// <c>12345672.0</c> or <c>12,00</c>.
    /// </summary>
    public static bool IsDecimalNumber(ReadOnlySpan<char> value)
    {
        var separator = value.IndexOfAny('.', ',');
        if (separator <= 0 || separator == value.Length - 1)
        {
            return false;
        }

        return TextRules.IsAsciiDigits(value[..separator]) && !value[(separator + 1)..].ContainsAnyExcept('0');
    }

    private static bool HasExponent(ReadOnlySpan<char> value)
    {
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] is 'e' or 'E' && char.IsAsciiDigit(value[i - 1]) && value[i + 1] is '+' or '-')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMonthAbbreviation(ReadOnlySpan<char> value)
    {
        if (!HasAsciiDigit(value))
        {
            return false;
        }

        var start = 0;
        while (start < value.Length)
        {
            if (!char.IsAsciiLetter(value[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < value.Length && char.IsAsciiLetter(value[end]))
            {
                end++;
            }

            if (IsMonthAbbreviation(value[start..end]))
            {
                return true;
            }

            start = end;
        }

        return false;
    }

    private static bool HasAsciiDigit(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMonthAbbreviation(ReadOnlySpan<char> word)
    {
        foreach (var month in MonthAbbreviations)
        {
            if (word.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
