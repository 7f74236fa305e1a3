using System.Diagnostics.CodeAnalysis;

namespace GsoHitService.Matching;

/// <summary>
/// Addresses without a BAG id: postcode, huisnummer (1–99999), huisletter (one letter) and
/// huisnummertoevoeging (up to 4 letters, digits, spaces or dashes). Canonical fields: postcode
/// <c>1234AB</c>, huisnummer without leading zeros, huisletter upper case or empty, toevoeging
/// upper case without spaces and dashes or empty.
/// </summary>
internal static class Addresses
{
    public const int MaxHouseNumber = 99999;

    public const int MaxAdditionLength = 4;

    /// <summary>Validates an address given as parts.</summary>
    public static bool TryNormalize(
        AddressInput input,
        ColumnOptions options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierRule failedRule)
    {
        result = null;

        // A location near the address (tegenover, bij) must never match the address itself.
        if (!string.IsNullOrWhiteSpace(input.LocationDesignation))
        {
            failedRule = IdentifierRule.LocationDesignation;
            return false;
        }

        if (!Postcodes.TryCanonicalize(ToNfkcOrNull(input.Postcode), out var postcode, out failedRule))
        {
            return false;
        }

        var houseNumberText = ToNfkcOrNull(input.HouseNumber);
        if (string.IsNullOrWhiteSpace(houseNumberText))
        {
            failedRule = IdentifierRule.HouseNumberMissing;
            return false;
        }

        var trimmed = TextRules.TrimWhiteSpace(houseNumberText);
        if (ExcelArtefacts.HasDateOrExponent(trimmed) || ExcelArtefacts.IsDecimalNumber(trimmed))
        {
            failedRule = IdentifierRule.ExcelArtefact;
            return false;
        }

        if (!TrySplitHouseNumber(trimmed, options.HouseNumberConvention, out var numberDigits, out var textLetter, out var textAddition, out failedRule)
            || !TryMergeField(textLetter, ToNfkcOrNull(input.HouseLetter), out var letterText, out failedRule)
            || !TryMergeField(textAddition, ToNfkcOrNull(input.Addition), out var additionText, out failedRule)
            || !TryCanonicalizeNumber(numberDigits, out var houseNumber, out failedRule)
            || !TryCanonicalizeLetter(letterText, out var houseLetter, out failedRule)
            || !TryCanonicalizeAddition(additionText, out var addition, out failedRule))
        {
            return false;
        }

        result = new CanonicalIdentifier(IdentifierType.Address, [postcode, houseNumber, houseLetter, addition]);
        return true;
    }

    /// <summary>
    /// Splits the text form <c>POSTCODE;HUISNUMMER[;HUISLETTER[;TOEVOEGING]]</c> (already NFKC).
    /// </summary>
    public static bool TryParseTextForm(string text, [NotNullWhen(true)] out AddressInput? input)
    {
        var parts = text.Split(';');
        if (parts.Length is < 2 or > 4)
        {
            input = null;
            return false;
        }

        input = new AddressInput(
            parts[0],
            parts[1],
            parts.Length > 2 ? parts[2] : null,
            parts.Length > 3 ? parts[3] : null);
        return true;
    }

    private static string? ToNfkcOrNull(string? value) => value is null ? null : TextRules.ToNfkc(value);

    /// <summary>Splits a huisnummer field into number, huisletter and toevoeging per the convention.</summary>
    private static bool TrySplitHouseNumber(
        ReadOnlySpan<char> text,
        HouseNumberConvention convention,
        out string number,
        out string letter,
        out string addition,
        out IdentifierRule failedRule)
    {
        number = letter = addition = "";
        var digitsEnd = 0;
        while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
        {
            digitsEnd++;
        }

        if (digitsEnd == 0 || (convention == HouseNumberConvention.SeparateFields && digitsEnd < text.Length))
        {
            failedRule = IdentifierRule.HouseNumberNotNumeric;
            return false;
        }

        number = text[..digitsEnd].ToString();
        var rest = text[digitsEnd..];
        var joined = !rest.IsEmpty && char.IsAsciiLetter(rest[0]);
        rest = TrimLeadingSeparators(rest);

        var startsWithSingleLetter = !rest.IsEmpty && char.IsAsciiLetter(rest[0]) && (rest.Length == 1 || !char.IsAsciiLetter(rest[1]));
        var takeLetter = convention switch
        {
            HouseNumberConvention.LetterThenAddition => startsWithSingleLetter,
            HouseNumberConvention.AttachedLetterOnly => startsWithSingleLetter && joined,
            _ => false,
        };

        if (takeLetter)
        {
            letter = rest[..1].ToString();
            rest = TrimLeadingSeparators(rest[1..]);
        }

        addition = rest.ToString();
        failedRule = default;
        return true;
    }

    private static ReadOnlySpan<char> TrimLeadingSeparators(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && (TextRules.IsWhiteSpace(text[start]) || TextRules.IsDash(text[start])))
        {
            start++;
        }

        return text[start..];
    }

    /// <summary>Takes a part from the free text or from its own field, but never from both.</summary>
    private static bool TryMergeField(string fromText, string? fromField, out string merged, out IdentifierRule failedRule)
    {
        var fieldIsEmpty = string.IsNullOrWhiteSpace(fromField);
        if (fromText.Length > 0 && !fieldIsEmpty)
        {
            merged = "";
            failedRule = IdentifierRule.HouseNumberConflict;
            return false;
        }

        merged = fromText.Length > 0 ? fromText : fromField ?? "";
        failedRule = default;
        return true;
    }

    private static bool TryCanonicalizeNumber(string digits, out string canonical, out IdentifierRule failedRule)
    {
        var significant = digits.AsSpan().TrimStart('0');
        if (significant.IsEmpty || significant.Length > 5 || ParseDigits(significant) > MaxHouseNumber)
        {
            canonical = "";
            failedRule = IdentifierRule.HouseNumberOutOfRange;
            return false;
        }

        canonical = significant.ToString();
        failedRule = default;
        return true;
    }

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static bool TryCanonicalizeLetter(string text, out string canonical, out IdentifierRule failedRule)
    {
        var letter = TextRules.TrimWhiteSpace(text);
        canonical = "";
        if (letter.IsEmpty)
        {
            failedRule = default;
            return true;
        }

        if (letter.Length != 1 || !char.IsAsciiLetter(letter[0]))
        {
            failedRule = IdentifierRule.HouseLetterInvalid;
            return false;
        }

        canonical = TextRules.ToUpperAscii(letter[0]).ToString();
        failedRule = default;
        return true;
    }

    private static bool TryCanonicalizeAddition(string text, out string canonical, out IdentifierRule failedRule)
    {
        canonical = "";
        var collapsed = TextRules.CollapseSeparators(text);
        if (collapsed.Length == 0)
        {
            failedRule = default;
            return true;
        }

        var hasLetterOrDigit = false;
        foreach (var c in collapsed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                hasLetterOrDigit = true;
            }
            else if (c is not (' ' or '-'))
            {
                failedRule = IdentifierRule.AdditionInvalid;
                return false;
            }
        }

        if (!hasLetterOrDigit || collapsed.Length > MaxAdditionLength)
        {
            failedRule = IdentifierRule.AdditionInvalid;
            return false;
        }

        // Spaces and dashes inside a toevoeging are writing variants: 2-HG, 2 HG and 2HG are one.
        Span<char> buffer = stackalloc char[MaxAdditionLength];
        var length = 0;
        foreach (var c in collapsed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = TextRules.ToUpperAscii(c);
            }
        }

        canonical = buffer[..length].ToString();
        failedRule = default;
        return true;
    }
}
