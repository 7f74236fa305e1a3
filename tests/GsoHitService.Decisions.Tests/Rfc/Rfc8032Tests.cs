using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions.Tests.Rfc;

/// <summary>
/// Ed25519 test vectors from RFC 8032, section 7.1 ("Test Vectors for Ed25519"), TEST 1, 2 and 3.
/// They check that the BouncyCastle functions are used as pure Ed25519.
/// </summary>
public sealed class Rfc8032Tests
{
    public static TheoryData<string, string, string, string> Vectors => new()
    {
        {
            // TEST 1: empty message.
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            // TEST 2: one byte.
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            // TEST 3: two bytes.
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DerivePublicKey_RfcVector_MatchesPublicKey(string secretKey, string publicKey, string message, string signature)
    {
        _ = message;
        _ = signature;

        var derived = Ed25519Signatures.DerivePublicKey(Convert.FromHexString(secretKey));

        Assert.Equal(publicKey, Convert.ToHexStringLower(derived));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_RfcVector_MatchesSignature(string secretKey, string publicKey, string message, string signature)
    {
        _ = publicKey;

        var computed = Ed25519Signatures.Sign(Convert.FromHexString(secretKey), Convert.FromHexString(message));

        Assert.Equal(signature, Convert.ToHexStringLower(computed));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_RfcVector_Accepts(string secretKey, string publicKey, string message, string signature)
    {
        _ = secretKey;

        var valid = Ed25519Signatures.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), Convert.FromHexString(signature));

        Assert.True(valid);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_RfcVectorWithFlippedBit_Rejects(string secretKey, string publicKey, string message, string signature)
    {
        _ = secretKey;
        var tampered = Convert.FromHexString(signature);
        tampered[10] ^= 0x01;

        var valid = Ed25519Signatures.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), tampered);

        Assert.False(valid);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyDecodedKey_RfcVector_AcceptsOnlyOriginal(string secretKey, string publicKey, string message, string signature)
    {
        _ = secretKey;
        var decoded = Ed25519Signatures.DecodePublicKey(Convert.FromHexString(publicKey));
        Assert.NotNull(decoded);
        var tampered = Convert.FromHexString(signature);
        tampered[40] ^= 0x01;

        Assert.True(Ed25519Signatures.Verify(decoded, Convert.FromHexString(message), Convert.FromHexString(signature)));
        Assert.False(Ed25519Signatures.Verify(decoded, Convert.FromHexString(message), tampered));
        Assert.False(Ed25519Signatures.Verify(decoded, Convert.FromHexString(message), Convert.FromHexString(signature)[..63]));
    }

    [Fact]
    public void DecodePublicKey_SmallOrderPoint_IsNull()
    {
        // The identity point (y = 1) has order 1, so a roster must never accept it.
        var identity = new byte[32];
        identity[0] = 1;

        Assert.Null(Ed25519Signatures.DecodePublicKey(identity));
        Assert.Null(Ed25519Signatures.DecodePublicKey(new byte[31]));
    }

    [Fact]
    public void Verify_SignatureWithNonCanonicalScalar_Rejects()
    {
        // TEST 1's signature with L (the group order) added to S: the same point equation holds,
        // but RFC 8032 section 5.1.7 requires S < L, so it must be rejected (no malleability).
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = signature[32 + i] + order[i] + carry;
            signature[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        var valid = Ed25519Signatures.Verify(publicKey, [], signature);

        Assert.False(valid);
    }
}
