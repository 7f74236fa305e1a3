using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>Fictitious plates, one per RDW sidecode, built to pass the letter rules of their series.</summary>
public sealed class LicencePlateTests
{
    [Theory]
    [InlineData("PB-12-34", "PB1234")]
    [InlineData("12-34-PB", "1234PB")]
    [InlineData("12-PB-34", "12PB34")]
    [InlineData("BD-12-FG", "BD12FG")]
    [InlineData("BD-FG-12", "BDFG12")]
    [InlineData("12-BD-FG", "12BDFG")]
    [InlineData("12-XZB-3", "12XZB3")]
    [InlineData("1-KBD-23", "1KBD23")]
    [InlineData("GB-123-B", "GB123B")]
    [InlineData("G-123-BB", "G123BB")]
    [InlineData("GBB-12-B", "GBB12B")]
    [InlineData("G-12-BBB", "G12BBB")]
    [InlineData("1-BB-234", "1BB234")]
    [InlineData("123-BB-4", "123BB4")]
    public void Normalize_EachSidecode_GivesSixCharacters(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.LicencePlate, input, expected);
    }

    [Theory]
    [InlineData("12-xzb-3")]
    [InlineData("12 XZB 3")]
    [InlineData("12XZB3")]
    [InlineData("12\u2011XZB\u20113")]
    [InlineData("12\u2013XZB\u20133")]
    [InlineData("12\u00A0XZB\u00A03")]
    [InlineData("12-XZB3")]
    [InlineData(" 12-XZB-3\t")]
    [InlineData("１２－ＸＺＢ－３")]
    public void Normalize_WritingVariants_GiveOnePlate(string input)
    {
        NormalizerAssert.Accepts(IdentifierType.LicencePlate, input, "12XZB3");
    }

    [Theory]
    [InlineData("AE-12-34")]
    [InlineData("SS-12-34")]
    [InlineData("UC-12-34")]
    public void Normalize_FirstSeriesWithVowelsOrSs_IsAccepted(string input)
    {
        // Sidecodes 1 to 3 (1951–1978) used all letters; the exclusions start at sidecode 4.
        NormalizerAssert.Accepts(IdentifierType.LicencePlate, input, input.Replace("-", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("OB-12-FG", "OB12FG")]
    [InlineData("BS-SB-12", "BSSB12")]
    [InlineData("12-PVV-3", "12PVV3")]
    public void Normalize_AllowedEdgeCases_AreAccepted(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.LicencePlate, input, expected);
    }

    [Theory]
    [InlineData("", IdentifierRule.Empty)]
    [InlineData("12-XZB-3!", IdentifierRule.InvalidCharacter)]
    [InlineData("12.XZB.3", IdentifierRule.InvalidCharacter)]
    [InlineData("12-ÉZB-3", IdentifierRule.InvalidCharacter)]
    [InlineData("B NO 1234", IdentifierRule.WrongLength)]
    [InlineData("BN O 1234", IdentifierRule.WrongLength)]
    [InlineData("12-XZ-3", IdentifierRule.WrongLength)]
    [InlineData("12-34-56", IdentifierRule.UnknownSidecode)]
    [InlineData("BD-FG-HJ", IdentifierRule.UnknownSidecode)]
    [InlineData("123-BDF", IdentifierRule.UnknownSidecode)]
    [InlineData("BDF-123", IdentifierRule.UnknownSidecode)]
    [InlineData("12X-ZB3", IdentifierRule.PlateSeparatorMisplaced)]
    [InlineData("1-2XZB3", IdentifierRule.PlateSeparatorMisplaced)]
    [InlineData("AA-12-34", IdentifierRule.SpecialPlate)]
    [InlineData("CD-12-34", IdentifierRule.SpecialPlate)]
    [InlineData("CD-123-B", IdentifierRule.SpecialPlate)]
    [InlineData("GV-12-34", IdentifierRule.SpecialPlate)]
    [InlineData("BA-12-FG", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("12-XEB-3", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("12-XCB-3", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("12-XQB-3", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("12-XOB-3", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("G-123-BI", IdentifierRule.PlateLettersNotIssued)]
    [InlineData("SS-12-BB", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("12-BB-SD", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("12-GVD-3", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("12-NSB-3", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("1-KKK-23", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("1-SSB-23", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("PSV-12-B", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("PVV-12-B", IdentifierRule.PlateCombinationNotIssued)]
    [InlineData("G-12-VVD", IdentifierRule.PlateCombinationNotIssued)]
    public void Normalize_InvalidPlate_NamesRule(string input, IdentifierRule expected)
    {
        NormalizerAssert.Rejects(IdentifierType.LicencePlate, input, expected);
    }

    [Fact]
    public void Normalize_GermanPlates_AreRejected()
    {
        var first = IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, "B NO 1234", null, out var firstPlate, out _);
        var second = IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, "BN O 1234", null, out var secondPlate, out _);

        Assert.False(first);
        Assert.False(second);
        Assert.Null(firstPlate);
        Assert.Null(secondPlate);
    }
}
