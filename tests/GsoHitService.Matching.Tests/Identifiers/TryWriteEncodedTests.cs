using CsCheck;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// The allocation-free path must write exactly what the allocating path encodes, and fail with
/// the same rule.
/// </summary>
public sealed class TryWriteEncodedTests
{
    [Fact]
    public void TryWriteEncoded_Bsn_WritesCanonicalEncoding()
    {
        Span<byte> destination = stackalloc byte[IdentifierNormalizer.MaxEncodedLength];

        var valid = IdentifierNormalizer.TryWriteEncoded(
            IdentifierType.Bsn, "9999.90.019", ColumnOptions.Default, destination, out var written, out var rule);

        Assert.True(valid);
        Assert.Equal(default, rule);
        byte[] expected = [1, (byte)IdentifierType.Bsn, 0, 9, .. "999990019"u8];
        Assert.Equal(expected, destination[..written].ToArray());
    }

    [Fact]
    public void TryWriteEncoded_InvalidBsn_ReturnsRule()
    {
        var destination = new byte[IdentifierNormalizer.MaxEncodedLength];

        var valid = IdentifierNormalizer.TryWriteEncoded(
            IdentifierType.Bsn, "999990018", ColumnOptions.Default, destination, out var written, out var rule);

        Assert.False(valid);
        Assert.Equal(0, written);
        Assert.Equal(IdentifierRule.Elfproef, rule);
    }

    [Fact]
    public void TryWriteEncoded_DestinationTooSmall_Throws()
    {
        var destination = new byte[12];

        Assert.Throws<ArgumentException>(() => IdentifierNormalizer.TryWriteEncoded(
            IdentifierType.Bsn, "999990019", ColumnOptions.Default, destination, out _, out _));
    }

    [Fact]
    public void TryWriteEncoded_AsciiBsn_AllocatesNothing()
    {
        var destination = new byte[IdentifierNormalizer.MaxEncodedLength];

        var bytesPerCall = AllocationMeter.BytesPerCall(() => IdentifierNormalizer.TryWriteEncoded(IdentifierType.Bsn, "9999 90 019", ColumnOptions.Default, destination, out _, out _));

        Assert.True(bytesPerCall < 1, $"{bytesPerCall:F2} bytes allocated per value");
    }

    public static TheoryData<IdentifierType> SingleFieldTypes => [.. TestValues.SingleFieldTypes];

    public static TheoryData<IdentifierType> AllTypes => [.. IdentifierTypes.All];

    [Theory]
    [MemberData(nameof(SingleFieldTypes))]
    public void TryWriteEncoded_RandomInput_EqualsAllocatingPath(IdentifierType type)
    {
        TestValues.IdentifierLikeText.Sample(text => AssertSameAsAllocatingPath(type, text, ColumnOptions.Default));
    }

    [Theory]
    [MemberData(nameof(SingleFieldTypes))]
    public void TryWriteEncoded_RandomInputWithPadding_EqualsAllocatingPath(IdentifierType type)
    {
        var options = new ColumnOptions { RestoreLeadingZeros = true };
        TestValues.IdentifierLikeText.Sample(text => AssertSameAsAllocatingPath(type, text, options));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void TryWriteEncoded_ValidVariants_EqualsAllocatingPath(IdentifierType type)
    {
        TestValues.ValueAndVariant(type).Sample((_, variant) => AssertSameAsAllocatingPath(type, variant, ColumnOptions.Default));
    }

    [Theory]
    [MemberData(nameof(SingleFieldTypes))]
    public void TryWriteEncoded_AsciiValidValue_AllocatesNothing(IdentifierType type)
    {
        var values = TestValues.Valid(type).Array[20].Single();
        var destination = new byte[IdentifierNormalizer.MaxEncodedLength];
        var next = 0;

        var bytesPerCall = AllocationMeter.BytesPerCall(() =>
        {
            IdentifierNormalizer.TryWriteEncoded(type, values[next], ColumnOptions.Default, destination, out _, out _);
            next = (next + 1) % values.Length;
        });

        Assert.True(bytesPerCall < 1, $"{bytesPerCall:F2} bytes allocated per value");
    }

    private static void AssertSameAsAllocatingPath(IdentifierType type, string text, ColumnOptions options)
    {
        var destination = new byte[IdentifierNormalizer.MaxEncodedLength];
        var fast = IdentifierNormalizer.TryWriteEncoded(type, text, options, destination, out var written, out var fastRule);
        var slow = IdentifierNormalizer.TryNormalize(type, text, options, out var identifier, out var error);

        Assert.Equal(slow, fast);
        if (slow)
        {
            Assert.Equal(CanonicalEncoding.ToArray(identifier!), destination[..written]);
        }
        else
        {
            Assert.Equal(error.Rule, fastRule);
        }
    }
}
