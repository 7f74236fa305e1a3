using System.Text.RegularExpressions;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// Recognises values that Excel changed when an export was opened and saved: numbers in scientific
/// notation (digits lost) and house numbers turned into dates. Such values are rejected, never repaired.
/// </summary>
internal static partial class ExcelArtefacts
{
    /// <summary>Returns the reason code of an artefact in an identifier value, or null.</summary>
    public static string? FindInValue(string value) =>
        ScientificNotation().IsMatch(value) ? RejectionReasons.ExcelScientificNotation : null;

    /// <summary>
    /// Returns the reason code of an artefact in a house number or toevoeging, or null. Dutch Excel
    /// shows <c>12-2</c> as <c>12-feb</c>; an addition <c>mrt</c> or <c>feb</c> is as suspect.
    /// </summary>
    public static string? FindInHouseNumber(string value)
    {
        if (ScientificNotation().IsMatch(value))
        {
            return RejectionReasons.ExcelScientificNotation;
        }

        return MonthDate().IsMatch(value) || MonthOnly().IsMatch(value) ? RejectionReasons.ExcelDate : null;
    }

    [GeneratedRegex(@"^\s*[0-9]+(?:[.,][0-9]+)?\s*E\s*[+-]?\s*[0-9]+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNotation();

    // Dutch and English month abbreviations as Excel writes them, before or after a day or year number.
    [GeneratedRegex(
        @"^\s*(?:[0-9]{1,4}[-/. ]?(?:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?(?:[-/. ][0-9]{2,4})?|(?:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?[-/. ]?[0-9]{1,4})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDate();

    [GeneratedRegex(@"^\s*(?:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthOnly();
}
