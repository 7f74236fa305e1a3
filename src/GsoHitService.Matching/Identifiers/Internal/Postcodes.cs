namespace GsoHitService.Matching;

/// <summary>
/// Dutch postcodes: 4 digits, the first not 0, then 2 letters that are not SA, SD or SS.
/// Canonical: upper case without space (<c>1234AB</c>).
/// </summary>
/// <remarks>
/// Source: "Postal codes in the Netherlands" (English Wikipedia): four digits followed by two
/// letters; the combinations SS, SD and SA are not used. The lowest postcode is 1000 AA.
/// </remarks>
internal static class Postcodes
{
    public const int Length = 6;

    /// <summary>Validates a postcode (already NFKC) and returns its canonical form.</summary>
    public static bool TryCanonicalize(string? value, out string canonical, out IdentifierRule failedRule)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            failedRule = IdentifierRule.PostcodeMissing;
            return false;
        }

        Span<char> postcode = stackalloc char[Length];
        var count = 0;
        foreach (var c in value)
        {
            if (TextRules.IsWhiteSpace(c))
            {
                continue;
            }

            if (count == Length || !char.IsAsciiLetterOrDigit(c))
            {
                failedRule = IdentifierRule.PostcodeFormat;
                return false;
            }

            postcode[count++] = TextRules.ToUpperAscii(c);
        }

        if (count != Length
            || !TextRules.IsAsciiDigits(postcode[..4])
            || !TextRules.IsAsciiUpperLetters(postcode[4..]))
        {
            failedRule = IdentifierRule.PostcodeFormat;
            return false;
        }

        if (postcode[0] == '0')
        {
            failedRule = IdentifierRule.PostcodeFirstDigitZero;
            return false;
        }

        if (postcode[4..] is "SA" or "SD" or "SS")
        {
            failedRule = IdentifierRule.PostcodeLetterPairNotIssued;
            return false;
        }

        canonical = postcode.ToString();
        failedRule = default;
        return true;
    }
}
