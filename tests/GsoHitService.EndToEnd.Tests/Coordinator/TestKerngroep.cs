using System.Text.Json.Nodes;
using Google.Protobuf;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// Three kerngroep members with freshly generated signing keys, and the roster that the
/// coordinator (and agents that verify decisions) configure from their public keys. The default
/// policies apply: privacy check 1 needs the privacy officer and one other member, privacy check 2
/// the privacy officer and the jurist.
/// </summary>
internal sealed class TestKerngroep : IDisposable
{
    public TestKerngroep()
    {
        PrivacyOfficer = MemberSigningKey.Generate("po-1", "Petra Privacy", CoreTeamRole.PrivacyOfficer);
        Jurist = MemberSigningKey.Generate("jurist-1", "Jan Jurist", CoreTeamRole.LegalAdviser);
        Chair = MemberSigningKey.Generate("vz-1", "Vera Voorzitter", CoreTeamRole.Chair);
    }

    public MemberSigningKey PrivacyOfficer { get; }

    public MemberSigningKey Jurist { get; }

    public MemberSigningKey Chair { get; }

    /// <summary>The <c>CoreTeam</c> configuration section with every member's public key.</summary>
    public JsonObject RosterSection()
    {
        var members = new JsonArray();
        foreach (var member in new[] { PrivacyOfficer, Jurist, Chair })
        {
            members.Add(new JsonObject
            {
                ["Id"] = member.MemberId,
                ["Name"] = member.Name,
                ["Role"] = member.Role.ToString(),
                ["PublicKey"] = Convert.ToBase64String(member.PublicKey),
            });
        }

        return new JsonObject { ["Members"] = members };
    }

    /// <summary>Signs a prepared payload by the given members, as they would with <c>gso decision sign</c>.</summary>
    public static Proto.SignedDecision Sign(ByteString payload, params MemberSigningKey[] signers)
    {
        var signed = new Proto.SignedDecision { Payload = payload };
        foreach (var signer in signers)
        {
            var signature = signer.Sign(payload.Span);
            signed.Signatures.Add(new Proto.DecisionSignature { MemberId = signature.MemberId, Signature = ByteString.CopyFrom(signature.Signature.Span) });
        }

        return signed;
    }

    public void Dispose()
    {
        PrivacyOfficer.Dispose();
        Jurist.Dispose();
        Chair.Dispose();
    }
}
