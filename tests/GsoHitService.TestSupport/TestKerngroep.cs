using System.Text.Json.Nodes;
using Google.Protobuf;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.TestSupport;

/// <summary>
/// Three kerngroep members with freshly generated signing keys, and the roster that agents and the
/// coordinator configure from their public keys. The default policies apply: privacy check 1 needs
/// the privacy officer and one other member, privacy check 2 the privacy officer and the jurist.
/// </summary>
public sealed class TestKerngroep : IDisposable
{
    private static readonly Lazy<TestKerngroep> SharedInstance = new(() => new TestKerngroep());

    public TestKerngroep()
    {
        PrivacyOfficer = MemberSigningKey.Generate("po-1", "Petra Privacy", CoreTeamRole.PrivacyOfficer);
        Jurist = MemberSigningKey.Generate("jurist-1", "Jan Jurist", CoreTeamRole.LegalAdviser);
        Chair = MemberSigningKey.Generate("vz-1", "Vera Voorzitter", CoreTeamRole.Chair);
    }

    /// <summary>One kerngroep for a whole test run, for tests that do not care whose keys sign.</summary>
    public static TestKerngroep Shared => SharedInstance.Value;

    public MemberSigningKey PrivacyOfficer { get; }

    public MemberSigningKey Jurist { get; }

    public MemberSigningKey Chair { get; }

    /// <summary>The signers that a privacy check 1 needs under the default policy.</summary>
    public MemberSigningKey[] PrivacyCheck1Signers => [PrivacyOfficer, Chair];

    /// <summary>The signers that a privacy check 2 needs under the default policy.</summary>
    public MemberSigningKey[] PrivacyCheck2Signers => [PrivacyOfficer, Jurist];

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

    /// <summary>A validity period that started a minute ago and lasts <paramref name="length"/> (default a day).</summary>
    public static ValidityPeriod ValidNow(TimeSpan? length = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new ValidityPeriod(now.AddMinutes(-1), now + (length ?? TimeSpan.FromDays(1)));
    }

    /// <summary>A privacy check 1 decision that approves exactly <paramref name="tokens"/> for <paramref name="department"/>.</summary>
    public static PrivacyCheck1Decision PrivacyCheck1(string department, TokenContext context, IReadOnlyCollection<SubjectToken> tokens, ValidityPeriod? validity = null) =>
        PrivacyCheck1Decision.Create(
            $"pc1-{Guid.NewGuid():N}",
            "signaal-test",
            validity ?? ValidNow(),
            "Test: onderzoek naar ondermijning",
            "Gemeentewet art. 174a",
            context,
            new Dictionary<string, IReadOnlyCollection<SubjectToken>>(StringComparer.Ordinal) { [department] = tokens });

    /// <summary>A privacy check 2 decision that approves exactly these subjects and fields at <paramref name="department"/>.</summary>
    public static PrivacyCheck2Decision PrivacyCheck2(
        string department, TokenContext context, IReadOnlyList<ReleaseSubject> subjects, IReadOnlyList<string> fields, ValidityPeriod? validity = null) => new()
    {
        DecisionId = $"pc2-{Guid.NewGuid():N}",
        CaseId = "casus-test",
        Department = department,
        Subjects = subjects,
        Fields = fields,
        Recipients = ["casusregisseur"],
        Validity = validity ?? ValidNow(),
        Purpose = "Test: casusonderzoek",
        LegalBasis = "Gemeentewet art. 174a",
        TokenContext = context,
    };

    /// <summary>Encodes a decision and signs it by the given members, as <c>gso decision sign</c> would.</summary>
    public static Proto.SignedDecision Sign(Decision decision, params MemberSigningKey[] signers) =>
        Sign(ByteString.CopyFrom(DecisionEncoding.Encode(decision)), signers);

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
