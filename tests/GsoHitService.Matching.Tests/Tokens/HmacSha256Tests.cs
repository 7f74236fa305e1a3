using System.Security.Cryptography;
using CsCheck;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching.Tests.Tokens;

/// <summary>The managed HMAC-SHA256 against the platform's <see cref="HMACSHA256"/>.</summary>
public sealed class HmacSha256Tests
{
    [Fact]
    public void Compute_RandomKeysAndMessages_EqualsPlatformHmac()
    {
        // Keys up to 200 bytes cover the hashed-key case (> 64); messages up to 600 bytes cover
        // one, two and several blocks, and every padding boundary in between.
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Byte.Array[0, 600]).Sample((key, message) =>
        {
            HmacSha256.Precompute(key, out var precomputed);
            var mac = new byte[HmacSha256.MacLength];

            HmacSha256.Compute(in precomputed, message, mac);

            Assert.Equal(HMACSHA256.HashData(key, message), mac);
        }, iter: 2000);
    }

    [Fact]
    public void Compute_EveryMessageLengthUpTo300_EqualsPlatformHmac()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        HmacSha256.Precompute(key, out var precomputed);
        var mac = new byte[HmacSha256.MacLength];

        for (var length = 0; length <= 300; length++)
        {
            var message = RandomNumberGenerator.GetBytes(length);
            HmacSha256.Compute(in precomputed, message, mac);

            Assert.True(HMACSHA256.HashData(key, message).AsSpan().SequenceEqual(mac), $"message length {length}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    public void Precompute_KeyLength_EqualsPlatformHmac(int keyLength)
    {
        var key = RandomNumberGenerator.GetBytes(keyLength);
        var message = "what do ya want for nothing?"u8.ToArray();
        HmacSha256.Precompute(key, out var precomputed);
        var mac = new byte[HmacSha256.MacLength];

        HmacSha256.Compute(in precomputed, message, mac);

        Assert.Equal(HMACSHA256.HashData(key, message), mac);
    }

    [Fact]
    public void Compress_OneBlockMessage_EqualsPlatformSha256()
    {
        // SHA-256 of "abc": one block with padding, built by hand, through the compression alone.
        var block = new byte[Sha256.BlockLength];
        "abc"u8.CopyTo(block);
        block[3] = 0x80;
        block[^1] = 24;
        Sha256.Initialize(out var state);
        Sha256.LoadBlock(block, out var words);

        Sha256.Compress(ref state, in words);

        var digest = new byte[Sha256.HashLength];
        Sha256.StoreDigest(in state, digest);
        Assert.Equal(SHA256.HashData("abc"u8), digest);
    }
}
