using System.Security.Cryptography;

namespace GsoHitService.Matching.Tests.Tokens;

public sealed class MatchTokenTests
{
    [Fact]
    public void Equals_SameBytesFromSeparateArrays_IsTrue()
    {
        var bytes = RandomNumberGenerator.GetBytes(MatchToken.Length);

        Assert.Equal(new MatchToken(bytes), new MatchToken(bytes.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(31)]
    public void Equals_OneByteDiffers_IsFalse(int index)
    {
        var bytes = RandomNumberGenerator.GetBytes(MatchToken.Length);
        var other = bytes.ToArray();
        other[index] ^= 0x01;

        Assert.NotEqual(new MatchToken(bytes), new MatchToken(other));
    }

    [Fact]
    public void HashSet_TokenFromFreshArray_IsFound()
    {
        // A set of byte[] compares references and would miss, but tokens compare content.
        var stored = Enumerable.Range(0, 1000).Select(_ => RandomNumberGenerator.GetBytes(MatchToken.Length)).ToArray();
        var index = stored.Select(bytes => new MatchToken(bytes)).ToHashSet();

        Assert.All(stored, bytes => Assert.Contains(new MatchToken(bytes.ToArray()), index));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void Constructor_WrongLength_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => new MatchToken(new byte[length]));
    }

    [Fact]
    public void CopyTo_RoundTripsBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(MatchToken.Length);
        var copy = new byte[MatchToken.Length];

        new MatchToken(bytes).CopyTo(copy);

        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void ToString_ShowsFirstEightHexDigitsOnly()
    {
        var bytes = Convert.FromHexString("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

        Assert.Equal("01234567", new MatchToken(bytes).ToString());
    }
}
