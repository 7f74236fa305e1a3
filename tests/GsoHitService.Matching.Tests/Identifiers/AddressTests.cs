using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

public sealed class AddressTests
{
    private static bool TryNormalize(AddressInput input, HouseNumberConvention convention, out CanonicalIdentifier? identifier, out IdentifierError error) =>
        IdentifierNormalizer.TryNormalizeAddress(input, new ColumnOptions { HouseNumberConvention = convention }, out identifier, out error);

    [Theory]
    [InlineData("1234 AB;12", "1234AB;12")]
    [InlineData("1234ab;012", "1234AB;12")]
    [InlineData("1234 AB;12;a", "1234AB;12;A")]
    [InlineData("1234 AB;12;a;2", "1234AB;12;A;2")]
    [InlineData("1234 AB;12;;2", "1234AB;12;;2")]
    [InlineData("1234 AB;12; ;", "1234AB;12")]
    [InlineData("1234 AB;12;;2 hg", "1234AB;12;;2HG")]
    [InlineData("1234 AB;12;;2-hg", "1234AB;12;;2HG")]
    [InlineData("1234 AB;12;;2 \u2013 h", "1234AB;12;;2H")]
    [InlineData("1234 AB;99999", "1234AB;99999")]
    [InlineData("9999 ZZ;1", "9999ZZ;1")]
    [InlineData("１２３４ ＡＢ;１２", "1234AB;12")]
    public void Normalize_TextForm_GivesCanonicalAddress(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.Address, input, expected);
    }

    [Fact]
    public void Normalize_Address_HasFourFieldsInOrder()
    {
        var address = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234 ab;0012;b;3");

        Assert.Equal(["1234AB", "12", "B", "3"], address.Fields);
    }

    [Theory]
    [InlineData("1234 ab")]
    [InlineData("1234AB")]
    [InlineData("1234\u00A0AB")]
    [InlineData(" 1234ab\t")]
    [InlineData("1234  Ab")]
    public void Normalize_PostcodeVariants_GiveOnePostcode(string postcode)
    {
        NormalizerAssert.Accepts(IdentifierType.Address, $"{postcode};12", "1234AB;12");
    }

    [Theory]
    [InlineData("1234AB", IdentifierRule.TextFormInvalid)]
    [InlineData("1234AB;12;A;2;X", IdentifierRule.TextFormInvalid)]
    [InlineData(";12", IdentifierRule.PostcodeMissing)]
    [InlineData("1234A;12", IdentifierRule.PostcodeFormat)]
    [InlineData("12345AB;12", IdentifierRule.PostcodeFormat)]
    [InlineData("1234-AB;12", IdentifierRule.PostcodeFormat)]
    [InlineData("AB1234;12", IdentifierRule.PostcodeFormat)]
    [InlineData("1234ÄB;12", IdentifierRule.PostcodeFormat)]
    [InlineData("0123AB;12", IdentifierRule.PostcodeFirstDigitZero)]
    [InlineData("1234SA;12", IdentifierRule.PostcodeLetterPairNotIssued)]
    [InlineData("1234 sd;12", IdentifierRule.PostcodeLetterPairNotIssued)]
    [InlineData("1234SS;12", IdentifierRule.PostcodeLetterPairNotIssued)]
    [InlineData("1234AB; ", IdentifierRule.HouseNumberMissing)]
    [InlineData("1234AB;12a", IdentifierRule.HouseNumberNotNumeric)]
    [InlineData("1234AB;twaalf", IdentifierRule.HouseNumberNotNumeric)]
    [InlineData("1234AB;0", IdentifierRule.HouseNumberOutOfRange)]
    [InlineData("1234AB;000", IdentifierRule.HouseNumberOutOfRange)]
    [InlineData("1234AB;100000", IdentifierRule.HouseNumberOutOfRange)]
    [InlineData("1234AB;12;ab", IdentifierRule.HouseLetterInvalid)]
    [InlineData("1234AB;12;1", IdentifierRule.HouseLetterInvalid)]
    [InlineData("1234AB;12;é", IdentifierRule.HouseLetterInvalid)]
    [InlineData("1234AB;12;;abcde", IdentifierRule.AdditionInvalid)]
    [InlineData("1234AB;12;;2/3", IdentifierRule.AdditionInvalid)]
    [InlineData("1234AB;12;;-", IdentifierRule.AdditionInvalid)]
    [InlineData("1234AB;12-feb", IdentifierRule.ExcelArtefact)]
    [InlineData("1234AB;12.0", IdentifierRule.ExcelArtefact)]
    public void Normalize_InvalidAddress_NamesRule(string input, IdentifierRule expected)
    {
        NormalizerAssert.Rejects(IdentifierType.Address, input, expected);
    }

    [Theory]
    [InlineData("to")]
    [InlineData("by")]
    [InlineData("TO")]
    public void NormalizeAddress_LocationDesignation_IsRejected(string designation)
    {
        var valid = IdentifierNormalizer.TryNormalizeAddress(new AddressInput("1234AB", "12", LocationDesignation: designation), null, out _, out var error);

        Assert.False(valid);
        Assert.Equal(new IdentifierError(IdentifierType.Address, IdentifierRule.LocationDesignation), error);
    }

    [Fact]
    public void NormalizeAddress_EmptyLocationDesignation_IsAccepted()
    {
        var valid = IdentifierNormalizer.TryNormalizeAddress(new AddressInput("1234AB", "12", LocationDesignation: " "), null, out var address, out _);

        Assert.True(valid);
        Assert.Equal("1234AB;12", address!.Value);
    }

    public static TheoryData<HouseNumberConvention, string, string> FreeTextSplits => new()
    {
        { HouseNumberConvention.LetterThenAddition, "12", "1234AB;12" },
        { HouseNumberConvention.LetterThenAddition, "12a", "1234AB;12;A" },
        { HouseNumberConvention.LetterThenAddition, "12-A", "1234AB;12;A" },
        { HouseNumberConvention.LetterThenAddition, "12 a", "1234AB;12;A" },
        { HouseNumberConvention.LetterThenAddition, "12 A 2", "1234AB;12;A;2" },
        { HouseNumberConvention.LetterThenAddition, "12A-2", "1234AB;12;A;2" },
        { HouseNumberConvention.LetterThenAddition, "12-2", "1234AB;12;;2" },
        { HouseNumberConvention.LetterThenAddition, "12bis", "1234AB;12;;BIS" },
        { HouseNumberConvention.LetterThenAddition, "12 hs", "1234AB;12;;HS" },
        { HouseNumberConvention.LetterThenAddition, "12\u2013A", "1234AB;12;A" },
        { HouseNumberConvention.AttachedLetterOnly, "12a", "1234AB;12;A" },
        { HouseNumberConvention.AttachedLetterOnly, "12a-2", "1234AB;12;A;2" },
        { HouseNumberConvention.AttachedLetterOnly, "12-A", "1234AB;12;;A" },
        { HouseNumberConvention.AttachedLetterOnly, "12 A", "1234AB;12;;A" },
        { HouseNumberConvention.AttachedLetterOnly, "12 A 2", "1234AB;12;;A2" },
        { HouseNumberConvention.AttachedLetterOnly, "12-2", "1234AB;12;;2" },
        { HouseNumberConvention.AttachedLetterOnly, "12bis", "1234AB;12;;BIS" },
        { HouseNumberConvention.AdditionOnly, "12a", "1234AB;12;;A" },
        { HouseNumberConvention.AdditionOnly, "12-2", "1234AB;12;;2" },
        { HouseNumberConvention.AdditionOnly, "12 A 2", "1234AB;12;;A2" },
    };

    [Theory]
    [MemberData(nameof(FreeTextSplits))]
    public void NormalizeAddress_FreeHouseNumberText_SplitsPerConvention(HouseNumberConvention convention, string houseNumber, string expected)
    {
        var valid = TryNormalize(new AddressInput("1234AB", houseNumber), convention, out var address, out var error);

        Assert.True(valid, $"Rejected with {error.Rule}.");
        Assert.Equal(expected, address!.Value);
    }

    [Theory]
    [InlineData(HouseNumberConvention.LetterThenAddition, "a12", IdentifierRule.HouseNumberNotNumeric)]
    [InlineData(HouseNumberConvention.LetterThenAddition, "12 abcde", IdentifierRule.AdditionInvalid)]
    [InlineData(HouseNumberConvention.LetterThenAddition, "12-feb", IdentifierRule.ExcelArtefact)]
    [InlineData(HouseNumberConvention.AdditionOnly, "1-mrt", IdentifierRule.ExcelArtefact)]
    [InlineData(HouseNumberConvention.AttachedLetterOnly, "123456", IdentifierRule.HouseNumberOutOfRange)]
    public void NormalizeAddress_InvalidFreeText_NamesRule(HouseNumberConvention convention, string houseNumber, IdentifierRule expected)
    {
        var valid = TryNormalize(new AddressInput("1234AB", houseNumber), convention, out _, out var error);

        Assert.False(valid);
        Assert.Equal(expected, error.Rule);
    }

    [Theory]
    [InlineData("12a", "b", null)]
    [InlineData("12-2", null, "3")]
    public void NormalizeAddress_PartInTextAndInField_IsConflict(string houseNumber, string? letter, string? addition)
    {
        var valid = TryNormalize(new AddressInput("1234AB", houseNumber, letter, addition), HouseNumberConvention.LetterThenAddition, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.HouseNumberConflict, error.Rule);
    }

    [Fact]
    public void NormalizeAddress_NumberAndSeparateParts_Merge()
    {
        var valid = TryNormalize(new AddressInput("1234AB", "12", "a", "2"), HouseNumberConvention.LetterThenAddition, out var address, out _);

        Assert.True(valid);
        Assert.Equal("1234AB;12;A;2", address!.Value);
    }

    [Theory]
    [InlineData("12A")]
    [InlineData("12-A")]
    [InlineData("12 a")]
    public void NormalizeAddress_HouseLetterSpellings_MatchBagSplit(string houseNumber)
    {
        var bag = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;12;A");

        TryNormalize(new AddressInput("1234AB", houseNumber), HouseNumberConvention.LetterThenAddition, out var source, out _);

        Assert.Equal(bag, source);
    }

    [Fact]
    public void Normalize_LetterAndAddition_Differ()
    {
        var withLetter = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;12;A");
        var withAddition = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;12;;A");

        Assert.NotEqual(withLetter, withAddition);
        Assert.NotEqual(CanonicalEncoding.ToArray(withLetter), CanonicalEncoding.ToArray(withAddition));
    }

    [Fact]
    public void NormalizeAddress_MixedColumnRow_MatchesCoordinator()
    {
        // A type-guessing reader turns 12a into NULL when the column's first rows are plain
        // numbers. Read as text, it must give the coordinator's 1234AB / 12 / a.
        var coordinator = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;12;a");

        var valid = TryNormalize(new AddressInput("1234AB", "12a"), HouseNumberConvention.LetterThenAddition, out var source, out _);

        Assert.True(valid);
        Assert.Equal(coordinator, source);
    }

    [Fact]
    public void NormalizeAddress_CleanTwelveDashTwo_MatchesCoordinator()
    {
        // A clean 12-2 (not a spreadsheet's 12-feb) is huisnummer 12, toevoeging 2.
        var coordinator = IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;12;;2");

        var valid = TryNormalize(new AddressInput("1234AB", "12-2"), HouseNumberConvention.LetterThenAddition, out var source, out _);

        Assert.True(valid);
        Assert.Equal(coordinator, source);
    }
}
