using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

public sealed class BagObjectIdTests
{
    private static readonly ColumnOptions AddressExpected = new() { RequireAddressableBagObject = true };

    [Theory]
    [InlineData("0363200000123456", "0363200000123456")]
    [InlineData(" 0363200000123456 ", "0363200000123456")]
    [InlineData("NL.IMBAG.Nummeraanduiding.0363200000123456", "0363200000123456")]
    [InlineData("nl.imbag.NUMMERAANDUIDING.0363200000123456", "0363200000123456")]
    [InlineData("NL.IMBAG.Verblijfsobject.0363010000123456", "0363010000123456")]
    [InlineData("NL.IMBAG.Ligplaats.0363020000123456", "0363020000123456")]
    [InlineData("NL.IMBAG.Standplaats.0363030000123456", "0363030000123456")]
    [InlineData("NL.IMBAG.Pand.0363100000123456", "0363100000123456")]
    [InlineData("NL.IMBAG.OpenbareRuimte.0363300000123456", "0363300000123456")]
    public void Normalize_ValidId_StripsPrefix(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.BagObjectId, input, expected);
    }

    [Theory]
    [InlineData("", IdentifierRule.Empty)]
    [InlineData("0363-2000-0012-3456", IdentifierRule.InvalidCharacter)]
    [InlineData("NL.IMBAG.0363200000123456", IdentifierRule.InvalidCharacter)]
    [InlineData("3,63200E+14", IdentifierRule.ExcelArtefact)]
    [InlineData("03632000001234567", IdentifierRule.WrongLength)]
    [InlineData("036320000012", IdentifierRule.WrongLength)]
    [InlineData("363200000123456", IdentifierRule.LeadingZerosMissing)]
    [InlineData("0363400000123456", IdentifierRule.BagObjectTypeUnknown)]
    [InlineData("0363000000123456", IdentifierRule.BagObjectTypeUnknown)]
    [InlineData("NL.IMBAG.Woonplaats.0363200000123456", IdentifierRule.BagObjectTypeUnknown)]
    [InlineData("NL.IMBAG.Pand.0363200000123456", IdentifierRule.BagPrefixMismatch)]
    [InlineData("NL.IMBAG.Nummeraanduiding.0363100000123456", IdentifierRule.BagPrefixMismatch)]
    public void Normalize_InvalidId_NamesRule(string input, IdentifierRule expected)
    {
        NormalizerAssert.Rejects(IdentifierType.BagObjectId, input, expected);
    }

    [Theory]
    [InlineData("363200000123456", "0363200000123456")]
    [InlineData("3200000123456", "0003200000123456")]
    public void Normalize_ShortIdWithOption_IsPadded(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.BagObjectId, input, expected, new ColumnOptions { RestoreLeadingZeros = true });
    }

    [Fact]
    public void Normalize_TwelveDigitsWithOption_IsWrongLength()
    {
        NormalizerAssert.Rejects(IdentifierType.BagObjectId, "200000123456", IdentifierRule.WrongLength, new ColumnOptions { RestoreLeadingZeros = true });
    }

    [Theory]
    [InlineData("0363010000123456")]
    [InlineData("0363020000123456")]
    [InlineData("0363030000123456")]
    [InlineData("0363200000123456")]
    public void Normalize_AddressableObjectWhereAddressExpected_IsAccepted(string input)
    {
        NormalizerAssert.Accepts(IdentifierType.BagObjectId, input, input, AddressExpected);
    }

    [Theory]
    [InlineData("0363100000123456")]
    [InlineData("0363300000123456")]
    [InlineData("NL.IMBAG.Pand.0363100000123456")]
    public void Normalize_PandWhereAddressExpected_IsNotAddressable(string input)
    {
        NormalizerAssert.Rejects(IdentifierType.BagObjectId, input, IdentifierRule.BagObjectNotAddressable, AddressExpected);
    }

    [Fact]
    public void Normalize_NummeraanduidingAndVerblijfsobjectWithSameSerial_Differ()
    {
        // The object type stays in the canonical digits, so it is part of the token.
        var nummeraanduiding = IdentifierNormalizer.Normalize(IdentifierType.BagObjectId, "0363200000123456");
        var verblijfsobject = IdentifierNormalizer.Normalize(IdentifierType.BagObjectId, "0363010000123456");

        Assert.NotEqual(nummeraanduiding, verblijfsobject);
    }
}
