using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// BSN, RSIN, KvK-nummer and vestigingsnummer. BSNs come from the RvIG test range
/// 999990000–999999999 or are computed with the elfproef (012345672).
/// </summary>
public sealed class DigitNumberTests
{
    [Theory]
    [InlineData(IdentifierType.Bsn, "999990019", "999990019")]
    [InlineData(IdentifierType.Bsn, "9999 90 019", "999990019")]
    [InlineData(IdentifierType.Bsn, "9999.90.019", "999990019")]
    [InlineData(IdentifierType.Bsn, "999-990-019", "999990019")]
    [InlineData(IdentifierType.Bsn, " 999990019\t", "999990019")]
    [InlineData(IdentifierType.Bsn, "012345672", "012345672")]
    [InlineData(IdentifierType.Rsin, "999990020", "999990020")]
    [InlineData(IdentifierType.KvkNumber, "68750110", "68750110")]
    [InlineData(IdentifierType.KvkNumber, "01234567", "01234567")]
    [InlineData(IdentifierType.BranchNumber, "000037178598", "000037178598")]
    [InlineData(IdentifierType.BranchNumber, "0000 3717 8598", "000037178598")]
    public void Normalize_ValidValue_GivesCanonicalDigits(IdentifierType type, string input, string expected)
    {
        var identifier = IdentifierNormalizer.Normalize(type, input);

        Assert.Equal(expected, identifier.Value);
        Assert.Equal([expected], identifier.Fields);
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "", IdentifierRule.Empty)]
    [InlineData(IdentifierType.Bsn, " \t", IdentifierRule.Empty)]
    [InlineData(IdentifierType.Bsn, "99999001x", IdentifierRule.InvalidCharacter)]
    [InlineData(IdentifierType.Bsn, "999990019/", IdentifierRule.InvalidCharacter)]
    [InlineData(IdentifierType.Bsn, "9999900190", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.Bsn, "9999.900.1", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.Bsn, "1234567", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.Bsn, "---", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.Bsn, "999990018", IdentifierRule.Elfproef)]
    [InlineData(IdentifierType.Bsn, "000000000", IdentifierRule.AllZeros)]
    [InlineData(IdentifierType.Bsn, "12345672", IdentifierRule.LeadingZerosMissing)]
    [InlineData(IdentifierType.Rsin, "999990018", IdentifierRule.Elfproef)]
    [InlineData(IdentifierType.Rsin, "000000000", IdentifierRule.AllZeros)]
    [InlineData(IdentifierType.KvkNumber, "6875011", IdentifierRule.LeadingZerosMissing)]
    [InlineData(IdentifierType.KvkNumber, "687501", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.KvkNumber, "687501100", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.KvkNumber, "00000000", IdentifierRule.AllZeros)]
    [InlineData(IdentifierType.BranchNumber, "0000371785980", IdentifierRule.WrongLength)]
    [InlineData(IdentifierType.BranchNumber, "000000000000", IdentifierRule.AllZeros)]
    public void Normalize_InvalidValue_NamesRule(IdentifierType type, string input, IdentifierRule expected)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, null, out _, out var error);

        Assert.False(valid);
        Assert.Equal(new IdentifierError(type, expected), error);
    }

    [Theory]
    [InlineData(IdentifierType.KvkNumber, "12345678")]
    [InlineData(IdentifierType.KvkNumber, "12345670")]
    [InlineData(IdentifierType.BranchNumber, "123456789012")]
    public void Normalize_KvkAndBranchNumber_HaveNoElfproef(IdentifierType type, string input)
    {
        // Both values fail the elfproef's weighting, so passing shows it is not applied.
        var valid = IdentifierNormalizer.TryNormalize(type, input, null, out var identifier, out _);

        Assert.True(valid);
        Assert.Equal(input, identifier!.Value);
    }

    [Fact]
    public void Normalize_RsinAndBsnDigits_Differ()
    {
        var bsn = IdentifierNormalizer.Normalize(IdentifierType.Bsn, "999990019");
        var rsin = IdentifierNormalizer.Normalize(IdentifierType.Rsin, "999990019");

        Assert.NotEqual(bsn, rsin);
        Assert.NotEqual(CanonicalEncoding.ToArray(bsn), CanonicalEncoding.ToArray(rsin));
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "12345672,0")]
    [InlineData(IdentifierType.Bsn, "12345672.0")]
    [InlineData(IdentifierType.Bsn, "12345672.00")]
    [InlineData(IdentifierType.Bsn, "1,23457E+11")]
    [InlineData(IdentifierType.Bsn, "1.23457e+8")]
    [InlineData(IdentifierType.Bsn, "12-feb")]
    [InlineData(IdentifierType.BranchNumber, "1,23457E+11")]
    [InlineData(IdentifierType.BranchNumber, "123456789012.0")]
    [InlineData(IdentifierType.KvkNumber, "6,87501E+7")]
    public void Normalize_SpreadsheetValue_IsExcelArtefact(IdentifierType type, string input)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, null, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.ExcelArtefact, error.Rule);
    }
}
