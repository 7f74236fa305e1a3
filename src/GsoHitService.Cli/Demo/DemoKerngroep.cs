using System.Text.Json.Nodes;
using Google.Protobuf;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// The demo's kerngroep: four members whose Ed25519 signing keys exist only in memory for one run.
/// The coordinator and every agent get their public keys as the <c>CoreTeam</c> roster and the
/// default thresholds: privacy check 1 needs the privacy officer and one other member, privacy
/// check 2 the privacy officer and the jurist.
/// </summary>
internal sealed class DemoKerngroep : IDisposable
{
    public DemoKerngroep()
    {
        // The names are made up; the ids are what decisions and audit logs show.
        PrivacyOfficer = MemberSigningKey.Generate("demo-po", "Pim Privacy", CoreTeamRole.PrivacyOfficer);
        Jurist = MemberSigningKey.Generate("demo-jurist", "Julia Jurist", CoreTeamRole.LegalAdviser);
        Chair = MemberSigningKey.Generate("demo-voorzitter", "Victor Voorzitter", CoreTeamRole.Chair);
        InformationCoordinator = MemberSigningKey.Generate("demo-ic", "Ilse Informatie", CoreTeamRole.InformationCoordinator);
    }

    public MemberSigningKey PrivacyOfficer { get; }

    public MemberSigningKey Jurist { get; }

    public MemberSigningKey Chair { get; }

    public MemberSigningKey InformationCoordinator { get; }

    public IReadOnlyList<MemberSigningKey> Members => [PrivacyOfficer, Jurist, Chair, InformationCoordinator];

    /// <summary>The members who sign privacy check 1: the privacy officer and the chair.</summary>
    public IReadOnlyList<MemberSigningKey> PrivacyCheck1Signers => [PrivacyOfficer, Chair];

    /// <summary>The members who sign privacy check 2: the privacy officer and the jurist.</summary>
    public IReadOnlyList<MemberSigningKey> PrivacyCheck2Signers => [PrivacyOfficer, Jurist];

    /// <summary>The <c>CoreTeam</c> configuration section with every member's public key.</summary>
    public JsonObject RosterSection()
    {
        var members = new JsonArray();
        foreach (var member in Members)
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

    /// <summary>Signs a prepared decision's payload by each of <paramref name="signers"/>, as <c>gso decision sign</c> does.</summary>
    public static Proto.SignedDecision Sign(ByteString payload, IEnumerable<MemberSigningKey> signers)
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
        foreach (var member in Members)
        {
            member.Dispose();
        }
    }
}
