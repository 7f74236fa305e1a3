using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// Values that lost their leading zeros in a numeric column or spreadsheet: padded only where the
/// column declares <see cref="ColumnOptions.RestoreLeadingZeros"/>, and only when digits only.
/// </summary>
public sealed class LeadingZeroTests
{
    private static readonly ColumnOptions Restore = new() { RestoreLeadingZeros = true };

    [Theory]
    [InlineData(IdentifierType.Bsn, "12345672", "012345672")]
    [InlineData(IdentifierType.Rsin, "12345672", "012345672")]
    [InlineData(IdentifierType.KvkNumber, "1234567", "01234567")]
    [InlineData(IdentifierType.BranchNumber, "37178598", "000037178598")]
    [InlineData(IdentifierType.BranchNumber, "12345678", "000012345678")]
    [InlineData(IdentifierType.BranchNumber, "6363571", "000006363571")]
    public void Normalize_ShortDigitsWithOption_IsPadded(IdentifierType type, string input, string expected)
    {
        var identifier = IdentifierNormalizer.Normalize(type, input, Restore);

        Assert.Equal(expected, identifier.Value);
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "12345672")]
    [InlineData(IdentifierType.KvkNumber, "1234567")]
    [InlineData(IdentifierType.BranchNumber, "12345678")]
    public void Normalize_ShortDigitsWithoutOption_IsLeadingZerosMissing(IdentifierType type, string input)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, ColumnOptions.Default, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.LeadingZerosMissing, error.Rule);
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "1234567")]
    [InlineData(IdentifierType.Bsn, "234567")]
    [InlineData(IdentifierType.Rsin, "1234567")]
    [InlineData(IdentifierType.KvkNumber, "123456")]
    public void Normalize_TwoOrMoreDigitsShortWithOption_IsWrongLength(IdentifierType type, string input)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, Restore, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.WrongLength, error.Rule);
    }

    [Theory]
    [InlineData("1234.5672")]
    [InlineData("1234 5672")]
    [InlineData("1234-5672")]
    public void Normalize_ShortValueWithSeparators_IsNeverPadded(string input)
    {
        var valid = IdentifierNormalizer.TryNormalize(IdentifierType.Bsn, input, Restore, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.WrongLength, error.Rule);
    }

    [Fact]
    public void Normalize_PaddedValue_StillGetsElfproef()
    {
        // 0 + 12345673 fails the elfproef: padding must come before the check, not replace it.
        var valid = IdentifierNormalizer.TryNormalize(IdentifierType.Bsn, "12345673", Restore, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.Elfproef, error.Rule);
    }

    [Fact]
    public void Normalize_PaddedZeros_AreAllZeros()
    {
        var valid = IdentifierNormalizer.TryNormalize(IdentifierType.Bsn, "00000000", Restore, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.AllZeros, error.Rule);
    }

    [Fact]
    public void Normalize_PaddedBsn_MatchesCoordinatorValue()
    {
        var fromSpreadsheet = IdentifierNormalizer.Normalize(IdentifierType.Bsn, "12345672", Restore);
        var fromCoordinator = IdentifierNormalizer.Normalize(IdentifierType.Bsn, "012345672");

        Assert.Equal(fromCoordinator, fromSpreadsheet);
    }
}
