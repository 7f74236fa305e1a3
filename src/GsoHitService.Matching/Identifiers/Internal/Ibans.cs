using System.Collections.Frozen;

namespace GsoHitService.Matching;

/// <summary>
/// IBANs per ISO 13616: country code, two check digits and a national account number (BBAN) of a
/// fixed length per country. The mod-97 check covers all of it, and the old Dutch account
/// elfproef does not apply. Canonical: upper case without spaces.
/// </summary>
internal static class Ibans
{
    public const int MaxLength = 34;

    /// <summary>
    /// IBAN length per country of the ISO 13616 IBAN Registry published by SWIFT, as tabulated by
    /// Circle's developer documentation ("Validating IBAN", country-specific length table).
    /// </summary>
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16,
        ["BG"] = 22, ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22,
        ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20,
        ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HN"] = 28, ["HR"] = 21,
        ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30,
        ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23,
        ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22,
        ["RU"] = 33, ["SA"] = 24, ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26,
        ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LengthLookup =
        LengthByCountry.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Validates a value (ASCII, or already NFKC) and writes its canonical characters.</summary>
    public static bool TryCanonicalize(ReadOnlySpan<char> value, Span<char> destination, out int written, out IdentifierRule failedRule)
    {
        written = 0;
        var count = 0;
        foreach (var c in value)
        {
            if (TextRules.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                failedRule = IdentifierRule.InvalidCharacter;
                return false;
            }

            if (count == MaxLength)
            {
                failedRule = IdentifierRule.WrongLength;
                return false;
            }

            destination[count++] = TextRules.ToUpperAscii(c);
        }

        if (count == 0)
        {
            failedRule = IdentifierRule.Empty;
            return false;
        }

        var iban = destination[..count];
        if (count < 2 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]))
        {
            failedRule = IdentifierRule.IbanFormat;
            return false;
        }

        if (!LengthLookup.TryGetValue(iban[..2], out var length))
        {
            failedRule = IdentifierRule.IbanCountryUnknown;
            return false;
        }

        if (count != length)
        {
            failedRule = IdentifierRule.WrongLength;
            return false;
        }

        if (!HasCountryFormat(iban))
        {
            failedRule = IdentifierRule.IbanFormat;
            return false;
        }

        if (!PassesMod97(iban))
        {
            failedRule = IdentifierRule.IbanChecksum;
            return false;
        }

        written = count;
        failedRule = default;
        return true;
    }

    /// <summary>
    /// Checks the two check digits, and for NL the registry's BBAN structure: a 4-letter bank code
    /// and a 10-digit account number. Other countries' BBANs are only checked to be alphanumeric.
    /// </summary>
    private static bool HasCountryFormat(ReadOnlySpan<char> iban)
    {
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        if (iban.StartsWith("NL"))
        {
            return TextRules.IsAsciiUpperLetters(iban[4..8]) && TextRules.IsAsciiDigits(iban[8..]);
        }

        return true;
    }

    /// <summary>
    /// ISO 13616 check: move the first four characters to the end, replace letters by 10–35 and the
    /// number mod 97 must be 1. Check digits 00, 01 and 99 never result from the computation
    /// (98 − remainder gives 02–98), so they are invalid even where the remainder fits.
    /// </summary>
    private static bool PassesMod97(ReadOnlySpan<char> iban)
    {
        if (iban[2..4] is "00" or "01" or "99")
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }
}
