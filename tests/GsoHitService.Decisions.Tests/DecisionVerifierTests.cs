using GsoHitService.Decisions.Tests.Support;
using GsoHitService.Matching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Decisions.Tests;

public sealed class DecisionVerifierTests : IDisposable
{
    private const string Department = "brp";

    private readonly TestMembers _members = new();
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Samples.Now);
    private readonly RecordingLogger<DecisionVerifier> _logger = new();
    private readonly SubjectToken[] _brpTokens = [.. Samples.Tokens(3), Samples.Token(IdentifierType.KvkNumber)];
    private readonly SubjectToken[] _permitTokens = Samples.Tokens(2);
    private DecisionUseRecord _useRecord;
    private DecisionVerifier _verifier;

    public DecisionVerifierTests()
    {
        _useRecord = OpenUseRecord();
        _verifier = new DecisionVerifier(_members.Roster(), _useRecord, _time, _logger);
    }

    public void Dispose()
    {
        _useRecord.Dispose();
        _folder.Dispose();
        _members.Dispose();
    }

    private DecisionUseRecord OpenUseRecord() =>
        DecisionUseRecord.Open(_folder.File("decision-uses.log"), _time, NullLogger<DecisionUseRecord>.Instance);

    private PrivacyCheck1Decision PrivacyCheck1(ValidityPeriod? validity = null) => Samples.PrivacyCheck1(
        new Dictionary<string, IReadOnlyCollection<SubjectToken>> { [Department] = _brpTokens, ["vergunningen"] = _permitTokens },
        validity: validity);

    private SignedDecision SignedPrivacyCheck1(ValidityPeriod? validity = null) =>
        TestMembers.Sign(PrivacyCheck1(validity), _members.PrivacyOfficer, _members.Chair);

    private HitQueryScope ProbeScope(IEnumerable<SubjectToken>? probes = null, TokenContext? context = null) =>
        HitQueryScope.FromProbes(context ?? Samples.Context, probes ?? _brpTokens);

    private static ContentReleaseScope ReleaseScope(PrivacyCheck2Decision decision) =>
        new(decision.TokenContext, decision.Subjects, decision.Fields);

    [Fact]
    public void VerifyHitQuery_ApprovedProbes_IsValid()
    {
        var probes = _brpTokens.Reverse().Append(_brpTokens[0]);

        var result = _verifier.VerifyHitQuery(SignedPrivacyCheck1(), Department, ProbeScope(probes));

        Assert.Equal(DecisionVerificationStatus.Valid, result.Status);
        Assert.Equal("pc1-2026-0001", result.DecisionId);
        Assert.Equal(["po-1", "voorzitter-1"], result.SignerIds);
        Assert.IsType<PrivacyCheck1Decision>(result.Decision);
    }

    [Fact]
    public void VerifyContentRelease_ApprovedRelease_IsValid()
    {
        var decision = Samples.PrivacyCheck2();
        var signed = TestMembers.Sign(decision, _members.PrivacyOfficer, _members.LegalAdviser);

        var result = _verifier.VerifyContentRelease(signed, "vergunningen", ReleaseScope(decision));

        Assert.Equal(DecisionVerificationStatus.Valid, result.Status);
        Assert.Equal(decision.Fields.Order(StringComparer.Ordinal), Assert.IsType<PrivacyCheck2Decision>(result.Decision).Fields);
    }

    [Fact]
    public void VerifyHitQuery_GarbagePayload_IsMalformed()
    {
        var signed = new SignedDecision(new byte[] { 1, 2, 3 }, []);

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Malformed, result.Status);
        Assert.Null(result.DecisionId);
    }

    [Fact]
    public void VerifyHitQuery_PayloadChangedAfterSigning_IsInvalidSignature()
    {
        var signed = SignedPrivacyCheck1();
        var payload = signed.Payload.ToArray();
        payload[^1] ^= 0x01;

        var result = _verifier.VerifyHitQuery(signed with { Payload = payload }, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_PrivacyCheck2Decision_IsWrongKind()
    {
        var signed = TestMembers.Sign(Samples.PrivacyCheck2(), _members.PrivacyOfficer, _members.LegalAdviser);

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.WrongKind, result.Status);
    }

    [Fact]
    public void VerifyContentRelease_PrivacyCheck1Decision_IsWrongKind()
    {
        var decision = Samples.PrivacyCheck2();

        var result = _verifier.VerifyContentRelease(SignedPrivacyCheck1(), Department, ReleaseScope(decision));

        Assert.Equal(DecisionVerificationStatus.WrongKind, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_SignerNotInRoster_IsUnknownSigner()
    {
        using var outsider = Keys.MemberSigningKey.Generate("buiten-1", "Eva Buiten", CoreTeamRole.Chair);
        var signed = TestMembers.Sign(SignedPrivacyCheck1(), outsider);

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.UnknownSigner, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_ForgedSignature_IsInvalidSignature()
    {
        var signed = SignedPrivacyCheck1().WithSignature(new DecisionSignature(_members.LegalAdviser.MemberId, new byte[64]));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_MemberSignedTwice_IsDuplicateSigner()
    {
        var signed = SignedPrivacyCheck1();
        signed = signed with { Signatures = [.. signed.Signatures, signed.Signatures[1]] };

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.DuplicateSigner, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_OnlyPrivacyOfficer_IsThresholdNotMet()
    {
        var signed = TestMembers.Sign(PrivacyCheck1(), _members.PrivacyOfficer);

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.ThresholdNotMet, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_StartBeyondClockSkew_IsNotYetValid()
    {
        var signed = SignedPrivacyCheck1(new ValidityPeriod(Samples.Now.AddMinutes(3), Samples.Now.AddDays(1)));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.NotYetValid, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_StartWithinClockSkew_IsValid()
    {
        var signed = SignedPrivacyCheck1(new ValidityPeriod(Samples.Now.AddMinutes(1), Samples.Now.AddDays(1)));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Valid, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_AtEndOfValidity_IsExpired()
    {
        var signed = SignedPrivacyCheck1(new ValidityPeriod(Samples.Now.AddDays(-1), Samples.Now));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Expired, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_AfterTimePasses_IsExpired()
    {
        var signed = SignedPrivacyCheck1();
        _time.Advance(TimeSpan.FromDays(8));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Expired, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_OtherDepartment_IsDepartmentNotNamed()
    {
        var result = _verifier.VerifyHitQuery(SignedPrivacyCheck1(), "belastingen", ProbeScope());

        Assert.Equal(DecisionVerificationStatus.DepartmentNotNamed, result.Status);
    }

    [Fact]
    public void VerifyContentRelease_OtherDepartment_IsDepartmentNotNamed()
    {
        var decision = Samples.PrivacyCheck2();
        var signed = TestMembers.Sign(decision, _members.PrivacyOfficer, _members.LegalAdviser);

        var result = _verifier.VerifyContentRelease(signed, Department, ReleaseScope(decision));

        Assert.Equal(DecisionVerificationStatus.DepartmentNotNamed, result.Status);
    }

    public static TheoryData<string> ProbeChanges => ["extra probe", "missing probe", "probes of other department", "other key epoch", "other profile", "unapproved type"];

    [Theory]
    [MemberData(nameof(ProbeChanges))]
    public void VerifyHitQuery_ProbesDifferFromApproved_IsScopeMismatch(string change)
    {
        var scope = change switch
        {
            "extra probe" => ProbeScope([.. _brpTokens, Samples.Token()]),
            "missing probe" => ProbeScope(_brpTokens[1..]),
            "probes of other department" => ProbeScope(_permitTokens),
            "other key epoch" => ProbeScope(context: Samples.Context with { KeyEpoch = "2027-06" }),
            "other profile" => ProbeScope(context: Samples.Context with { NormaliserProfile = "nl-2" }),
            "unapproved type" => ProbeScope([.. _brpTokens, Samples.Token(IdentifierType.Iban)]),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var result = _verifier.VerifyHitQuery(SignedPrivacyCheck1(), Department, scope);

        Assert.Equal(DecisionVerificationStatus.ScopeMismatch, result.Status);
    }

    public static TheoryData<string> ReleaseChanges => ["extra field", "fewer fields", "extra subject", "other subject tokens", "other key epoch"];

    [Theory]
    [MemberData(nameof(ReleaseChanges))]
    public void VerifyContentRelease_RequestDiffersFromApproved_IsScopeMismatch(string change)
    {
        var decision = Samples.PrivacyCheck2();
        var signed = TestMembers.Sign(decision, _members.PrivacyOfficer, _members.LegalAdviser);
        var approved = ReleaseScope(decision);
        var scope = change switch
        {
            "extra field" => approved with { Fields = [.. decision.Fields, "bsn"] },
            "fewer fields" => approved with { Fields = decision.Fields.Skip(1).ToArray() },
            "extra subject" => approved with { Subjects = [.. decision.Subjects, new ReleaseSubject("betrokkene-c", [Samples.Token()])] },
            "other subject tokens" => approved with { Subjects = [decision.Subjects[0] with { Tokens = [Samples.Token()] }, decision.Subjects[1]] },
            "other key epoch" => approved with { TokenContext = Samples.Context with { KeyEpoch = "2027-06" } },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var result = _verifier.VerifyContentRelease(signed, "vergunningen", scope);

        Assert.Equal(DecisionVerificationStatus.ScopeMismatch, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_SecondUse_IsReplayed()
    {
        var signed = SignedPrivacyCheck1();
        _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Replayed, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_Replay_IsLogged()
    {
        var signed = SignedPrivacyCheck1();
        _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Contains(_logger.Entries, entry => entry.EventId.Name == "DecisionReplayed" && entry.Message.Contains("pc1-2026-0001", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyHitQuery_ReplayAfterRestart_IsReplayed()
    {
        var signed = SignedPrivacyCheck1();
        _verifier.VerifyHitQuery(signed, Department, ProbeScope());
        _useRecord.Dispose();
        _useRecord = OpenUseRecord();
        _verifier = new DecisionVerifier(_members.Roster(), _useRecord, _time, _logger);

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Replayed, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_UseAtOtherDepartment_IsValid()
    {
        var signed = SignedPrivacyCheck1();
        _verifier.VerifyHitQuery(signed, Department, ProbeScope());
        using var otherFolder = new TemporaryFolder();
        using var otherRecord = DecisionUseRecord.Open(otherFolder.File("decision-uses.log"), _time, NullLogger<DecisionUseRecord>.Instance);
        var otherAgent = new DecisionVerifier(_members.Roster(), otherRecord, _time, NullLogger<DecisionVerifier>.Instance);

        var result = otherAgent.VerifyHitQuery(signed, "vergunningen", HitQueryScope.FromProbes(Samples.Context, _permitTokens));

        Assert.Equal(DecisionVerificationStatus.Valid, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_RejectedRequest_DoesNotUseDecision()
    {
        var signed = SignedPrivacyCheck1();
        _verifier.VerifyHitQuery(signed, Department, ProbeScope(_brpTokens[1..]));

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.Valid, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_Rejection_LogsReasonWithoutDecisionText()
    {
        _verifier.VerifyHitQuery(SignedPrivacyCheck1(), "belastingen", ProbeScope());

        var entry = Assert.Single(_logger.Entries, entry => entry.EventId.Name == "DecisionRejected");
        Assert.Contains("DepartmentNotNamed", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AVG", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyHitQuery_NullSignatureList_IsThresholdNotMet()
    {
        var signed = SignedPrivacyCheck1() with { Signatures = null! };

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.Equal(DecisionVerificationStatus.ThresholdNotMet, result.Status);
    }

    [Fact]
    public void VerifyHitQuery_NullSignatureEntry_DoesNotThrow()
    {
        var signed = SignedPrivacyCheck1();
        signed = signed with { Signatures = [.. signed.Signatures, null!] };

        var result = _verifier.VerifyHitQuery(signed, Department, ProbeScope());

        Assert.False(result.IsValid);
    }
}
