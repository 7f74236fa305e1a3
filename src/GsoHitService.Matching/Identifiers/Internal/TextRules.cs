using System.Text;

namespace GsoHitService.Matching;

/// <summary>
/// The safe normalisations that every type shares: one Unicode normal form, and one meaning for
/// white space, dashes and apostrophes. Nothing here depends on the current culture.
/// </summary>
internal static class TextRules
{
    /// <summary>
    /// Brings a value to Unicode NFKC, which also folds full-width digits and letters to ASCII and
    /// the no-break space to a space. ASCII text is already NFKC, so it is returned as it is.
    /// </summary>
    /// <remarks>
    /// A lone acute accent (U+00B4) is first read as an apostrophe, as keyboards with a dead-key
    /// accent produce it in <c>van ´t Hof</c>; NFKC would turn it into a space and a combining
    /// accent and so split the voorvoegsel.
    /// </remarks>
    public static string ToNfkc(string value) =>
        Ascii.IsValid(value) ? value : value.Replace('\u00B4', '\'').Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// White space as <see cref="char.IsWhiteSpace(char)"/> defines it: spaces, tabs, line breaks,
    /// the no-break space (U+00A0) and the other Unicode space separators.
    /// </summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>
    /// A hyphen or dash: hyphen-minus, hyphen (U+2010), non-breaking hyphen (U+2011), figure,
    /// en and em dash, horizontal bar, minus sign and their small and full-width forms.
    /// </summary>
    public static bool IsDash(char c) => c is '-'
        or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015'
        or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D';

    /// <summary>
    /// A straight or curly apostrophe, or a character that keyboards and word processors put in
    /// its place (left and right single quotation marks, grave accent, modifier letter apostrophe,
    /// prime). The acute accent is mapped before NFKC, see <see cref="ToNfkc"/>.
    /// </summary>
    public static bool IsApostrophe(char c) => c is '\''
        or '\u2018' or '\u2019' or '\u201B' or '`' or '\u02BC' or '\u2032';

    public static bool IsAsciiDigit(char c) => char.IsAsciiDigit(c);

    public static bool IsAsciiLetter(char c) => char.IsAsciiLetter(c);

    /// <summary>Checks that every character is an ASCII digit (true for an empty span).</summary>
    /// <remarks>
    /// A plain loop, because <c>MemoryExtensions.ContainsAnyExceptInRange</c> allocated 96 bytes per
    /// call when measured on .NET 10 (Linux x64), and the BAG id and IBAN paths must not allocate.
    /// </remarks>
    public static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks that every character is an upper-case ASCII letter (true for an empty span).</summary>
    public static bool IsAsciiUpperLetters(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Upper-cases an ASCII letter; any other character is returned unchanged.</summary>
    public static char ToUpperAscii(char c) => char.IsAsciiLetterLower(c) ? (char)(c - 32) : c;

    /// <summary>Lower-cases an ASCII letter; any other character is returned unchanged.</summary>
    public static char ToLowerAscii(char c) => char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;

    /// <summary>Returns the value without white space at either end.</summary>
    public static ReadOnlySpan<char> TrimWhiteSpace(ReadOnlySpan<char> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsWhiteSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>
    /// Rewrites every white-space run as one space and every dash as <c>-</c>, drops spaces next
    /// to a dash and trims both ends: <c>" 2 – a "</c> becomes <c>"2-a"</c>.
    /// </summary>
    public static string CollapseSeparators(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && builder[^1] != '-';
                continue;
            }

            if (IsDash(c))
            {
                pendingSpace = false;
                builder.Append('-');
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
