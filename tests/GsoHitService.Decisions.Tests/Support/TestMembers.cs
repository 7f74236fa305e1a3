using GsoHitService.Decisions.Keys;

namespace GsoHitService.Decisions.Tests.Support;

/// <summary>A generated kerngroep (one member per role) with its signing keys and roster options.</summary>
internal sealed class TestMembers : IDisposable
{
    public TestMembers()
    {
        Chair = MemberSigningKey.Generate("voorzitter-1", "Anna de Voorzitter", CoreTeamRole.Chair);
        InformationCoordinator = MemberSigningKey.Generate("ic-1", "Bram Coördinator", CoreTeamRole.InformationCoordinator);
        LegalAdviser = MemberSigningKey.Generate("jurist-1", "Carla Jurist", CoreTeamRole.LegalAdviser);
        PrivacyOfficer = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
    }

    public MemberSigningKey Chair { get; }

    public MemberSigningKey InformationCoordinator { get; }

    public MemberSigningKey LegalAdviser { get; }

    public MemberSigningKey PrivacyOfficer { get; }

    public IEnumerable<MemberSigningKey> All => [Chair, InformationCoordinator, LegalAdviser, PrivacyOfficer];

    public CoreTeamOptions Options() => new() { Members = All.Select(key => key.ToRosterEntry()).ToList() };

    public CoreTeamRoster Roster() => CoreTeamRoster.Create(Options());

    public static SignedDecision Sign(Decision decision, params MemberSigningKey[] signers) => Sign(SignedDecision.Create(decision), signers);

    public static SignedDecision Sign(SignedDecision decision, params MemberSigningKey[] signers)
    {
        foreach (var signer in signers)
        {
            decision = decision.WithSignature(signer.Sign(decision.Payload.Span));
        }

        return decision;
    }

    public void Dispose()
    {
        foreach (var key in All)
        {
            key.Dispose();
        }
    }
}
