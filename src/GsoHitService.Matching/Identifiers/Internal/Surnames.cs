using System.Globalization;
using System.Text;

namespace GsoHitService.Matching;

/// <summary>
/// A person's own geslachtsnaam with its voorvoegsel. Canonical: the voorvoegsel in lower case
/// from <see cref="SurnamePrefixes"/> (empty if none) and the geslachtsnaam folded to upper-case
/// ASCII letters, spaces, dashes and apostrophes.
/// </summary>
/// <remarks>
/// The voorvoegsel and geslachtsnaam are joined and split again by the table, so a source that
/// keeps them apart (<c>van der</c> + <c>Meer</c>) and one that writes them together
/// (<c>van der Meer</c>, <c>Meer, van der</c>, <c>v.d. Meer</c>) give the same fields. This also
/// makes a geslachtsnaam that starts with a table word (<c>De Smet</c> without voorvoegsel) equal
/// to the voorvoegsel form (<c>de</c> + <c>Smet</c>); both are one name for matching.
/// </remarks>
internal static class Surnames
{
    /// <summary>Largest folded geslachtsnaam, the field length of the geslachtsnaam in the BRP.</summary>
    public const int MaxLength = 200;

    private const string UnknownValue = ".";

    /// <summary>Validates a surname; both inputs are already NFKC.</summary>
    public static bool TryCanonicalize(string? prefix, string? surname, out string canonicalPrefix, out string canonicalSurname, out IdentifierRule failedRule)
    {
        canonicalPrefix = canonicalSurname = "";
        var prefixIsEmpty = string.IsNullOrWhiteSpace(prefix);
        if (string.IsNullOrWhiteSpace(surname))
        {
            failedRule = IdentifierRule.SurnameMissing;
            return false;
        }

        // The BRP standard value for an unknown name: such a record gives no key at all.
        if (surname.AsSpan().Trim().SequenceEqual(UnknownValue))
        {
            failedRule = IdentifierRule.UnknownSurname;
            return false;
        }

        var name = Fold(prefixIsEmpty ? surname : $"{prefix} {surname}");
        var comma = name.IndexOf(',');
        if (comma >= 0)
        {
            // The trailing form needs the whole name in one field.
            if (!prefixIsEmpty)
            {
                failedRule = IdentifierRule.InvalidCharacter;
                return false;
            }

            if (!TryMoveTrailingPrefix(name, comma, out name, out failedRule))
            {
                return false;
            }
        }

        // The unknown value may also follow a voorvoegsel field: "van" + ".".
        if (name.EndsWith(" " + UnknownValue, StringComparison.Ordinal) && SurnamePrefixes.TryMatchWhole(name[..^2], out _))
        {
            failedRule = IdentifierRule.UnknownSurname;
            return false;
        }

        var (splitPrefix, rest) = SurnamePrefixes.SplitLeading(SurnamePrefixes.ExpandLeadingAbbreviation(name));
        if (!IsValidName(rest))
        {
            failedRule = IdentifierRule.InvalidCharacter;
            return false;
        }

        if (rest.Length > MaxLength)
        {
            failedRule = IdentifierRule.WrongLength;
            return false;
        }

        canonicalPrefix = splitPrefix;
        canonicalSurname = rest.ToUpperInvariant();
        failedRule = default;
        return true;
    }

    /// <summary>
    /// Folds a name: apostrophes straight, dashes to <c>-</c>, white space collapsed, diacritics
    /// removed, and the letters that Unicode decomposition leaves alone mapped by hand.
    /// </summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ø' => "o",
                'Ø' => "O",
                'æ' => "ae",
                'Æ' => "AE",
                'œ' => "oe",
                'Œ' => "OE",
                'ß' => "ss",
                'ẞ' => "SS",
                'ł' => "l",
                'Ł' => "L",
                'đ' or 'ð' => "d",
                'Đ' or 'Ð' => "D",
                'þ' => "th",
                'Þ' => "TH",
                'ı' => "i",
                _ when TextRules.IsApostrophe(c) => "'",
                _ => c.ToString(),
            });
        }

        return TextRules.CollapseSeparators(builder.ToString());
    }

    /// <summary>Turns <c>Meer, van der</c> into <c>van der Meer</c>; the part after the comma must be a voorvoegsel.</summary>
    private static bool TryMoveTrailingPrefix(string name, int comma, out string moved, out IdentifierRule failedRule)
    {
        moved = name;
        var surname = name[..comma].Trim();
        var trailing = name[(comma + 1)..].Trim();
        if (surname.Contains(',') || !SurnamePrefixes.TryMatchWhole(trailing, out var prefix))
        {
            failedRule = IdentifierRule.UnknownPrefix;
            return false;
        }

        moved = $"{prefix} {surname}";
        failedRule = default;
        return true;
    }

    /// <summary>A name has ASCII letters, spaces, dashes and apostrophes, and starts and ends with a letter or apostrophe.</summary>
    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || name[0] is ' ' or '-' || name[^1] is ' ' or '-')
        {
            return false;
        }

        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                hasLetter = true;
            }
            else if (c is not (' ' or '-' or '\''))
            {
                return false;
            }
        }

        return hasLetter;
    }
}
