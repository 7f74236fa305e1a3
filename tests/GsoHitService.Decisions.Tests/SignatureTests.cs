using GsoHitService.Decisions.Internal;
using GsoHitService.Decisions.Keys;
using GsoHitService.Decisions.Tests.Support;

namespace GsoHitService.Decisions.Tests;

public sealed class SignatureTests
{
    [Fact]
    public void Sign_GeneratedKey_VerifiesUnderSignatureContext()
    {
        using var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck1());

        var signature = key.Sign(payload);

        Assert.Equal("po-1", signature.MemberId);
        Assert.True(Ed25519Signatures.Verify(key.PublicKey, SignatureMessage.Create(DecisionKind.PrivacyCheck1, payload), signature.Signature.Span));
    }

    [Fact]
    public void Sign_Signature_DoesNotVerifyOverBarePayload()
    {
        using var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck1());

        var signature = key.Sign(payload);

        Assert.False(Ed25519Signatures.Verify(key.PublicKey, payload, signature.Signature.Span));
    }

    [Fact]
    public void Sign_Signature_DoesNotVerifyUnderOtherKindContext()
    {
        using var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck2());

        var signature = key.Sign(payload);

        Assert.False(Ed25519Signatures.Verify(key.PublicKey, SignatureMessage.Create(DecisionKind.PrivacyCheck1, payload), signature.Signature.Span));
    }

    [Fact]
    public void Sign_MalformedPayload_Throws()
    {
        using var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck2());

        Assert.Throws<DecisionFormatException>(() => key.Sign(payload[..^1]));
    }

    [Fact]
    public void Sign_DisposedKey_Throws()
    {
        var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.Sign(DecisionEncoding.Encode(Samples.PrivacyCheck2())));
    }

    [Fact]
    public void SignatureMessage_StartsWithKindContext()
    {
        var message = SignatureMessage.Create(DecisionKind.PrivacyCheck2, [0xAB]);

        Assert.Equal([.. "gso-hit-service/decision-signature/v1/privacy-check-2\0"u8.ToArray(), 0xAB], message);
    }

    [Fact]
    public void ToString_ShowsMemberOnly()
    {
        using var key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);

        Assert.Equal("MemberSigningKey(po-1, PrivacyOfficer)", key.ToString());
    }

    [Theory]
    [InlineData("", "Naam")]
    [InlineData("met spatie", "Naam")]
    [InlineData("po-1", "")]
    [InlineData("po-1", "twee\nregels")]
    public void Generate_InvalidMember_Throws(string memberId, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => MemberSigningKey.Generate(memberId, name, CoreTeamRole.Chair));
    }

    [Fact]
    public void WithSignature_SameMember_ReplacesEarlierSignature()
    {
        var decision = SignedDecision.Create(Samples.PrivacyCheck2());

        var signed = decision
            .WithSignature(new DecisionSignature("a", new byte[64]))
            .WithSignature(new DecisionSignature("b", new byte[64]))
            .WithSignature(new DecisionSignature("a", Enumerable.Repeat((byte)1, 64).ToArray()));

        Assert.Equal(["b", "a"], signed.Signatures.Select(signature => signature.MemberId));
        Assert.Equal(1, signed.Signatures[1].Signature.Span[0]);
    }
}
