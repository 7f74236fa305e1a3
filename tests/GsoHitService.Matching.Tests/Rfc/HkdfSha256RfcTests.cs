using System.Security.Cryptography;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching.Tests.Rfc;

/// <summary>The HKDF-SHA256 path that derives the per-type token keys, against RFC 5869 appendix A.1.</summary>
public sealed class HkdfSha256RfcTests
{
    public static TheoryData<HkdfVector> Vectors => RfcVectors.Hkdf;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Derive_RfcVector_ReturnsPublishedOutputKeyMaterial(HkdfVector vector)
    {
        var output = new byte[vector.Length];

        TokenKeyDerivation.Derive(
            Convert.FromHexString(vector.InputKeyMaterial), Convert.FromHexString(vector.Salt), Convert.FromHexString(vector.Info), output);

        Assert.Equal(vector.OutputKeyMaterial, Convert.ToHexStringLower(output));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Extract_RfcVector_ReturnsPublishedPseudorandomKey(HkdfVector vector)
    {
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, Convert.FromHexString(vector.InputKeyMaterial), Convert.FromHexString(vector.Salt));

        Assert.Equal(vector.PseudorandomKey, Convert.ToHexStringLower(prk));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Extract_RfcVector_EqualsHmacOfInputKeyMaterialUnderSalt(HkdfVector vector)
    {
        // RFC 5869 section 2.2: PRK = HMAC-Hash(salt, IKM). The token code's own HMAC must agree.
        HmacSha256.Precompute(Convert.FromHexString(vector.Salt), out var salt);
        var prk = new byte[HmacSha256.MacLength];

        HmacSha256.Compute(in salt, Convert.FromHexString(vector.InputKeyMaterial), prk);

        Assert.Equal(vector.PseudorandomKey, Convert.ToHexStringLower(prk));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_RfcVectorWithOneBitFlipped_RejectsOutput(HkdfVector vector)
    {
        var output = new byte[vector.Length];
        TokenKeyDerivation.Derive(
            Convert.FromHexString(vector.InputKeyMaterial), Convert.FromHexString(vector.Salt), Convert.FromHexString(vector.Info), output);
        var published = Convert.FromHexString(vector.OutputKeyMaterial);
        published[0] ^= 0x80;

        Assert.False(CryptographicOperations.FixedTimeEquals(output, published));
    }
}
