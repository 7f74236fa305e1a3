using System.Text.Json.Nodes;
using Google.Protobuf;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using DecisionSignature = GsoHitService.Protocol.V1.DecisionSignature;
using SignedDecision = GsoHitService.Protocol.V1.SignedDecision;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.LoadDriver.Agent;

/// <summary>
/// A kerngroep with generated keys whose privacy officer and chair sign a privacy check 1 decision
/// for each request of the agent load test; the jurist is in the roster because the default
/// privacy check 2 policy needs one. A decision may be used once per department, so every
/// request that is sent needs its own; they are signed before the clock starts.
/// </summary>
internal sealed class LoadTestDecisions : IDisposable
{
    private readonly MemberSigningKey[] _members =
    [
        MemberSigningKey.Generate("po-1", "Privacy officer", CoreTeamRole.PrivacyOfficer),
        MemberSigningKey.Generate("vz-1", "Voorzitter", CoreTeamRole.Chair),
        MemberSigningKey.Generate("jurist-1", "Jurist", CoreTeamRole.LegalAdviser),
    ];

    private int _issued;

    /// <summary>The agent's <c>CoreTeam</c> section with every member's public key.</summary>
    public JsonObject Roster() => RosterSection.From(_members);

    /// <summary>A copy of <paramref name="template"/> with a new query id and a decision that approves exactly its probes.</summary>
    public HitQueryRequest Approve(HitQueryRequest template, string department)
    {
        var request = template.Clone();
        request.QueryId = $"{template.QueryId}-{Interlocked.Increment(ref _issued)}";

        var probes = request.Probes.SelectMany(group => SubjectToken.FromConcatenated((IdentifierType)(int)group.IdentifierType, group.Tokens.Span)).ToArray();
        var now = DateTimeOffset.UtcNow;
        var decision = PrivacyCheck1Decision.Create(
            $"pc1-load-{Guid.NewGuid():N}",
            "load-test",
            new ValidityPeriod(now.AddMinutes(-1), now.AddHours(2)),
            "Meting",
            "Gemeentewet art. 174a",
            new TokenContext((int)request.Context.TokenSchemeVersion, request.Context.NormaliserProfile, request.Context.KeyEpoch),
            new Dictionary<string, IReadOnlyCollection<SubjectToken>>(StringComparer.Ordinal) { [department] = probes });

        var payload = DecisionEncoding.Encode(decision);
        request.Decision = new SignedDecision { Payload = ByteString.CopyFrom(payload) };
        foreach (var signer in _members.Take(2))
        {
            var signature = signer.Sign(payload);
            request.Decision.Signatures.Add(new DecisionSignature { MemberId = signature.MemberId, Signature = ByteString.CopyFrom(signature.Signature.Span) });
        }

        return request;
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }
}
