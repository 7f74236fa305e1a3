using System.Security.Cryptography;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching.Tests.Rfc;

/// <summary>The token code's HMAC-SHA256 against the RFC 4231 vectors.</summary>
public sealed class HmacSha256RfcTests
{
    public static TheoryData<HmacVector> Vectors => RfcVectors.Hmac;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_RfcVector_ReturnsPublishedMac(HmacVector vector)
    {
        HmacSha256.Precompute(Convert.FromHexString(vector.Key), out var key);
        var mac = new byte[HmacSha256.MacLength];

        HmacSha256.Compute(in key, Convert.FromHexString(vector.Data), mac);

        Assert.Equal(vector.Mac, Convert.ToHexStringLower(mac));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_RfcVector_AcceptsPublishedMac(HmacVector vector)
    {
        HmacSha256.Precompute(Convert.FromHexString(vector.Key), out var key);
        var mac = new byte[HmacSha256.MacLength];
        HmacSha256.Compute(in key, Convert.FromHexString(vector.Data), mac);

        Assert.True(CryptographicOperations.FixedTimeEquals(mac, Convert.FromHexString(vector.Mac)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_RfcVectorWithOneBitFlipped_RejectsMac(HmacVector vector)
    {
        HmacSha256.Precompute(Convert.FromHexString(vector.Key), out var key);
        var mac = new byte[HmacSha256.MacLength];
        HmacSha256.Compute(in key, Convert.FromHexString(vector.Data), mac);
        var published = Convert.FromHexString(vector.Mac);
        published[^1] ^= 0x01;

        Assert.False(CryptographicOperations.FixedTimeEquals(mac, published));
    }
}
