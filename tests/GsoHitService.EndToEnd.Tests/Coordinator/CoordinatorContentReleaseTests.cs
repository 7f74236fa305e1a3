using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using GsoHitService.TestSupport;
using static GsoHitService.EndToEnd.Tests.Coordinator.CoordinatorTestEnvironment;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// Content release, privacy check 3 and reading released content, against real agents. The permits
/// agent contains a permit at subject A's address and may release its number and kind. The BRP
/// agent contains subject A's BSN and may release the address. Only the test of an agent that sends
/// an unapproved field uses <see cref="MisbehavingReleaseAgent"/>, because a correct agent never does.
/// </summary>
public sealed class CoordinatorContentReleaseTests : IAsyncLifetime
{
    private const string Member = TestCoordinator.MemberCommonName;

    /// <summary>The department code of the misbehaving agent, in the one test that adds it.</summary>
    private const string MisbehavingDepartment = "handhaving";

    private const string PermitNumberA = "V-2026-0042";
    private const string PermitKindA = "exploitatievergunning";

    private MatchingKey _key = null!;
    private TestKerngroep _kerngroep = null!;
    private TestAgent _permits = null!;
    private TestAgent _brp = null!;
    private TestCoordinator _coordinator = null!;
    private Proto.Coordinator.CoordinatorClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _key = MatchingKey.Generate(KeyEpoch);
        _kerngroep = new TestKerngroep();

        // The export also contains company C's permit, so that a release for subject A shows that
        // the agent returns only the approved subject's records.
        _permits = await TestAgent.StartAsync(
            Permits,
            _key,
            [IdentifierType.KvkNumber, IdentifierType.Address],
            [
                new AgentRecord(Postcode: "1234AB", HouseNumber: "12", PermitNumber: PermitNumberA, PermitKind: PermitKindA),
                new AgentRecord(KvkNumber: KvkC, Postcode: "5678CD", HouseNumber: "1", PermitNumber: "V-2025-0107", PermitKind: "omgevingsvergunning"),
            ],
            _kerngroep,
            releasableFields: ["vergunningnummer", "vergunningsoort"]);
        _brp = await TestAgent.StartAsync(Brp, _key, [IdentifierType.Bsn], [new AgentRecord(Bsn: BsnA, Postcode: "1234AB", HouseNumber: "12")], _kerngroep);

        _coordinator = await TestCoordinator.StartAsync(_key, _kerngroep, [(Permits, _permits.Address), (Brp, _brp.Address)]);
        _client = _coordinator.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _coordinator.DisposeAsync();
        await _brp.DisposeAsync();
        await _permits.DisposeAsync();
        _kerngroep.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task GetReleasedContent_PrivacyCheck3AllowsOneField_ShowsOnlyThatField()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Permits, subjectA);
        var release = await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        await RecordPrivacyCheck3Async(caseId, Member, "vergunningnummer");

        var content = await _coordinator.CreateClient(TestCoordinator.MemberCertificate).GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token);

        Assert.Equal(1, release.RecordCount);
        Assert.Equal(1, release.SubjectCount);
        var item = Assert.Single(content.Items);
        Assert.Equal(new Dictionary<string, string> { ["vergunningnummer"] = PermitNumberA }, item.Fields);
        Assert.Equal("Betrokkene A", item.SubjectLabel);
        Assert.Equal(Permits, item.Department);
        Assert.Equal(1, content.WithheldFieldCount);
    }

    [Fact]
    public async Task GetReleasedContent_CallerIsAnotherMember_IsMemberMismatch()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Permits, subjectA);
        await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        await RecordPrivacyCheck3Async(caseId, Member, "vergunningnummer");

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonMemberMismatch, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task GetReleasedContent_NoPrivacyCheck3_IsRefused()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Permits, subjectA);
        await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _coordinator.CreateClient(TestCoordinator.MemberCertificate).GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck3, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task GetReleasedContent_LatestEntryWithdrawsFields_ShowsNothing()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Permits, subjectA);
        await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        await RecordPrivacyCheck3Async(caseId, Member, "vergunningnummer", "vergunningsoort");
        await RecordPrivacyCheck3Async(caseId, Member);

        var content = await _coordinator.CreateClient(TestCoordinator.MemberCertificate).GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token);

        Assert.Empty(content.Items);
        Assert.Equal(2, content.WithheldFieldCount);
    }

    [Fact]
    public async Task RequestContentRelease_AgentSendsUnapprovedField_RecordsNothing()
    {
        await using var misbehaving = await MisbehavingReleaseAgent.StartAsync(MisbehavingDepartment, KeyEpoch);
        await RestartCoordinatorWithAsync(misbehaving);
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, MisbehavingDepartment, subjectA);
        misbehaving.Behaviour.UnapprovedField = "bsn";

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.RequestContentReleaseAsync(
            new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);
        await RecordPrivacyCheck3Async(caseId, Member, "vergunningnummer", "vergunningsoort", "bsn");
        var content = await _coordinator.CreateClient(TestCoordinator.MemberCertificate).GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token);
        misbehaving.Behaviour.UnapprovedField = null;
        var retried = await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Empty(content.Items);
        Assert.Equal(1, retried.RecordCount);
    }

    [Fact]
    public async Task RequestContentRelease_Twice_IsRefusedWithoutAskingTheAgent()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Permits, subjectA);
        await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        var releasesAuditedBefore = await _permits.CountAuditEntriesAsync("content-release");

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.RequestContentReleaseAsync(
            new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonContentAlreadyReleased, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal(1, releasesAuditedBefore);
        Assert.Equal(1, await _permits.CountAuditEntriesAsync("content-release"));
    }

    [Fact]
    public async Task RequestContentRelease_BrpAgent_ReleasesApprovedField()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Brp, subjectA, "postcode");
        var release = await _client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        await RecordPrivacyCheck3Async(caseId, Member, "postcode");

        var content = await _coordinator.CreateClient(TestCoordinator.MemberCertificate).GetReleasedContentAsync(
            new Proto.GetReleasedContentRequest { CaseId = caseId, Member = Member }, deadline: Deadline(), cancellationToken: Token);

        Assert.Equal(1, release.RecordCount);
        var item = Assert.Single(content.Items);
        Assert.Equal(Brp, item.Department);
        Assert.Equal(new Dictionary<string, string> { ["postcode"] = "1234AB" }, item.Fields);
    }

    [Fact]
    public async Task RequestContentRelease_UnmappedField_IsRefused()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var decision = await RecordPrivacyCheck2Async(caseId, Brp, subjectA, "vergunningnummer");

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.RequestContentReleaseAsync(
            new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(Brp, refusal.Trailer(CoordinatorErrorCodes.DepartmentTrailer));
        Assert.Contains("vergunningnummer", refusal.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestContentRelease_PrivacyCheck1Decision_IsNoPrivacyCheck2()
    {
        var signal = await _client.RegisterSignalAsync(StandardSignal(), deadline: Deadline(), cancellationToken: Token);
        var decision = await RecordPrivacyCheck1Async(signal.SignalId);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.RequestContentReleaseAsync(
            new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck2, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task SubmitSignedDecision_PrivacyCheck2WithoutJurist_IsThresholdNotMet()
    {
        var (caseId, subjectA) = await OpenCaseAsync();
        var prepared = await PreparePrivacyCheck2Async(caseId, Permits, subjectA);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, _kerngroep.PrivacyOfficer, _kerngroep.Chair) },
            deadline: Deadline(),
            cancellationToken: Token).ResponseAsync);

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionThresholdNotMet, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task ListAgents_BothAgents_AreReachableAndCompatible()
    {
        var reply = await _client.ListAgentsAsync(new Proto.ListAgentsRequest(), deadline: Deadline(), cancellationToken: Token);

        Assert.Equal([Permits, Brp], reply.Agents.Select(agent => agent.Department));
        Assert.All(reply.Agents, agent => Assert.True(agent.Reachable, agent.Problem));
        Assert.All(reply.Agents, agent => Assert.True(agent.Compatible, agent.Problem));
        Assert.All(reply.Agents, agent => Assert.Equal(KeyEpoch, agent.Info.Context.KeyEpoch));
    }

    /// <summary>
    /// Replaces the coordinator with a new one that also has <paramref name="misbehaving"/> as
    /// department <see cref="MisbehavingDepartment"/>, because agents are configured at start-up.
    /// </summary>
    private async Task RestartCoordinatorWithAsync(MisbehavingReleaseAgent misbehaving)
    {
        await _coordinator.DisposeAsync();
        _coordinator = await TestCoordinator.StartAsync(
            _key, _kerngroep, [(Permits, _permits.Address), (Brp, _brp.Address), (MisbehavingDepartment, misbehaving.Address)]);
        _client = _coordinator.CreateClient();
    }

    /// <summary>
    /// Registers the standard signal and queries the permits agent under a new privacy check 1
    /// decision. Its hits on subject A's address and on company C open a case.
    /// </summary>
    private async Task<(string CaseId, string SubjectA)> OpenCaseAsync()
    {
        var signal = await _client.RegisterSignalAsync(StandardSignal(), deadline: Deadline(), cancellationToken: Token);
        var decision = await RecordPrivacyCheck1Async(signal.SignalId);
        var result = await _client.RunHitQueryAsync(
            new Proto.RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);
        Assert.NotEmpty(result.CaseId);
        return (result.CaseId, signal.Subjects[0].SubjectId);
    }

    private async Task<Proto.DecisionView> RecordPrivacyCheck1Async(string signalId)
    {
        var request = new Proto.PreparePrivacyCheck1Request { SignalId = signalId, Purpose = "Onderzoek", LegalBasis = "Gemeentewet art. 174a" };
        request.Scopes.Add(Scope(Permits));
        var prepared = await _client.PreparePrivacyCheck1Async(request, deadline: Deadline(), cancellationToken: Token);
        return await _client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, _kerngroep.PrivacyOfficer, _kerngroep.Chair) },
            deadline: Deadline(),
            cancellationToken: Token);
    }

    private async Task<Proto.PreparedDecision> PreparePrivacyCheck2Async(string caseId, string department, string subjectId, params string[] fields)
    {
        var request = new Proto.PreparePrivacyCheck2Request
        {
            CaseId = caseId,
            Department = department,
            SubjectIds = { subjectId },
            Fields = { fields.Length > 0 ? fields : ["vergunningnummer", "vergunningsoort"] },
            Recipients = { Member },
            Purpose = "Casusoverleg",
            LegalBasis = "Wet Bibob art. 7a",
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        };
        return await _client.PreparePrivacyCheck2Async(request, deadline: Deadline(), cancellationToken: Token);
    }

    private async Task<Proto.DecisionView> RecordPrivacyCheck2Async(string caseId, string department, string subjectId, params string[] fields)
    {
        var prepared = await PreparePrivacyCheck2Async(caseId, department, subjectId, fields);
        return await _client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, _kerngroep.PrivacyOfficer, _kerngroep.Jurist) },
            deadline: Deadline(),
            cancellationToken: Token);
    }

    private async Task RecordPrivacyCheck3Async(string caseId, string member, params string[] fields)
    {
        var request = new Proto.RecordPrivacyCheck3Request { CaseId = caseId, Member = member, DecidedBy = _kerngroep.PrivacyOfficer.MemberId, Reason = "Nodig voor het casusoverleg" };
        request.Fields.AddRange(fields);
        await _client.RecordPrivacyCheck3Async(request, deadline: Deadline(), cancellationToken: Token);
    }
}
