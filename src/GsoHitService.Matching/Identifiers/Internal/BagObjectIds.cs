namespace GsoHitService.Matching;

/// <summary>
/// BAG object ids: 16 digits made of a 4-digit municipality code, a 2-digit object type and a
/// 10-digit serial, optionally with the <c>NL.IMBAG.&lt;Objecttype&gt;.</c> prefix of BAG 2.0 extracts.
/// The object type stays in the canonical digits, so it is part of the token.
/// </summary>
internal static class BagObjectIds
{
    public const int Length = 16;

    private const string PrefixStart = "NL.IMBAG.";

    // Object type names of the BAG 2.0 prefix with their 2-digit codes (BAG catalogue).
    private static readonly (string Name, string Code)[] ObjectTypes =
    [
        ("Verblijfsobject", "01"),
        ("Ligplaats", "02"),
        ("Standplaats", "03"),
        ("Pand", "10"),
        ("Nummeraanduiding", "20"),
        ("Openbareruimte", "30"),
    ];

    /// <summary>Validates a value (ASCII, or already NFKC) and writes its 16 canonical digits.</summary>
    public static bool TryCanonicalize(
        ReadOnlySpan<char> value,
        ColumnOptions options,
        Span<char> destination,
        out int written,
        out IdentifierRule failedRule)
    {
        written = 0;
        var text = TextRules.TrimWhiteSpace(value);
        if (text.IsEmpty)
        {
            failedRule = IdentifierRule.Empty;
            return false;
        }

        string? prefixCode = null;
        if (text.StartsWith(PrefixStart, StringComparison.OrdinalIgnoreCase))
        {
            if (!TrySplitPrefix(text[PrefixStart.Length..], out prefixCode, out text, out failedRule))
            {
                return false;
            }
        }

        if (!TextRules.IsAsciiDigits(text))
        {
            failedRule = ExcelArtefacts.HasDateOrExponent(text) || ExcelArtefacts.IsDecimalNumber(text)
                ? IdentifierRule.ExcelArtefact
                : IdentifierRule.InvalidCharacter;
            return false;
        }

        // A numeric column drops the zeros of municipality codes 0001–0999: at most 3.
        if (text.Length is >= Length - 3 and < Length && prefixCode is null)
        {
            if (!options.RestoreLeadingZeros)
            {
                failedRule = IdentifierRule.LeadingZerosMissing;
                return false;
            }

            var zeros = Length - text.Length;
            destination[..zeros].Fill('0');
            text.CopyTo(destination[zeros..]);
        }
        else if (text.Length != Length)
        {
            failedRule = IdentifierRule.WrongLength;
            return false;
        }
        else
        {
            text.CopyTo(destination);
        }

        var digits = destination[..Length];
        var code = digits[4..6];
        if (!IsKnownObjectType(code))
        {
            failedRule = IdentifierRule.BagObjectTypeUnknown;
            return false;
        }

        if (prefixCode is not null && !code.SequenceEqual(prefixCode))
        {
            failedRule = IdentifierRule.BagPrefixMismatch;
            return false;
        }

        if (options.RequireAddressableBagObject && code is not ("01" or "02" or "03" or "20"))
        {
            failedRule = IdentifierRule.BagObjectNotAddressable;
            return false;
        }

        written = Length;
        failedRule = default;
        return true;
    }

    private static bool TrySplitPrefix(
        ReadOnlySpan<char> afterStart,
        out string? code,
        out ReadOnlySpan<char> digits,
        out IdentifierRule failedRule)
    {
        code = null;
        digits = default;
        var dot = afterStart.IndexOf('.');
        if (dot < 0)
        {
            failedRule = IdentifierRule.InvalidCharacter;
            return false;
        }

        var name = afterStart[..dot];
        foreach (var objectType in ObjectTypes)
        {
            if (name.Equals(objectType.Name, StringComparison.OrdinalIgnoreCase))
            {
                code = objectType.Code;
                digits = afterStart[(dot + 1)..];
                failedRule = default;
                return true;
            }
        }

        failedRule = IdentifierRule.BagObjectTypeUnknown;
        return false;
    }

    private static bool IsKnownObjectType(ReadOnlySpan<char> code)
    {
        foreach (var objectType in ObjectTypes)
        {
            if (code.SequenceEqual(objectType.Code))
            {
                return true;
            }
        }

        return false;
    }
}
