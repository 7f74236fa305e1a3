using Grpc.Core;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Store;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using NSubstitute;
using static GsoHitService.Coordinator.Tests.Support.CoordinatorHarness;

namespace GsoHitService.Coordinator.Tests.Queries;

/// <summary>The privacy check 1 checks before a query and the recording of its outcome.</summary>
public sealed class HitQueryRunnerTests : IAsyncLifetime
{
    private CoordinatorHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await CreateAsync("brp", "belastingen");

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunAsync_CoveredQuery_RecordsEveryDepartmentAndAnswer()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        _harness.Clients["brp"].Hold(IdentifierType.Bsn, _harness.TokenOf(IdentifierType.Bsn, "111222333"));
        _harness.Clients["belastingen"].HeldTypes.Add(IdentifierType.Bsn);

        var run = await RunAsync(signal, decision.Id);

        Assert.Equal(HitQueryState.Completed, run.Query.State);
        Assert.All(run.Query.Departments, outcome => Assert.Equal(DepartmentOutcome.Answered, outcome.Outcome));
        Assert.Equal(6, run.Query.Answers.Count);
        Assert.Equal(HitAnswer.Hit, Answer(run, signal.Subjects[0], "brp", IdentifierType.Bsn));
        Assert.Equal(HitAnswer.NoHit, Answer(run, signal.Subjects[0], "belastingen", IdentifierType.Bsn));
        Assert.Equal(HitAnswer.NotHeld, Answer(run, signal.Subjects[1], "belastingen", IdentifierType.KvkNumber));
        Assert.NotNull(run.Query.CaseId);
    }

    [Fact]
    public async Task RunAsync_NoDecision_IsNoPrivacyCheck1()
    {
        var signal = await _harness.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, null));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck1, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_UnknownDecision_IsNoPrivacyCheck1()
    {
        var signal = await _harness.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, DecisionId.New()));

        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck1, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_DepartmentNotInDecision_IsPermissionDenied()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal, scopes: Scope("brp"));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, decision.Id, "belastingen"));

        Assert.Equal(StatusCode.PermissionDenied, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonDepartmentNotInDecision, refusal.Reason);
        Assert.Contains((CoordinatorErrorCodes.DepartmentTrailer, "belastingen"), refusal.Details);
    }

    [Fact]
    public async Task RunAsync_DecisionOfOtherSignal_IsSubjectNotInDecision()
    {
        var signal = await _harness.RegisterSignalAsync();
        var other = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(other, decision.Id));

        Assert.Equal(StatusCode.PermissionDenied, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonSubjectNotInDecision, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_AtValidUntil_IsDecisionExpired()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal, TimeSpan.FromHours(2));
        _harness.Time.SetUtcNow(decision.ValidUntil);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, decision.Id));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionExpired, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_JustBeforeValidUntil_Runs()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal, TimeSpan.FromHours(2));
        _harness.Time.SetUtcNow(decision.ValidUntil.AddSeconds(-1));

        var run = await RunAsync(signal, decision.Id);

        Assert.Equal(HitQueryState.Completed, run.Query.State);
    }

    [Fact]
    public async Task RunAsync_BeforeValidFrom_IsDecisionNotYetValid()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal, validFrom: _harness.Time.GetUtcNow().AddHours(1));
        _harness.Time.SetUtcNow(decision.ValidFrom.AddSeconds(-1));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, decision.Id));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionNotYetValid, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_KeyEpochChanged_IsDecisionContextChanged()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        using var newKey = MatchingKey.Generate("2026-07");
        using var newTokenizer = new MatchTokenizer(newKey);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(
            () => _harness.Runner(newTokenizer).RunAsync(new HitQueryCommand(signal.Id, decision.Id, [], null), Caller, Token));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionContextChanged, refusal.Reason);
    }

    [Fact]
    public async Task RunAsync_Refused_RecordsNoQuery()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal, scopes: Scope("brp"));
        await Assert.ThrowsAsync<RequestRefusedException>(() => RunAsync(signal, decision.Id, "belastingen"));

        var queries = await _harness.Store.ListHitQueryIdsAsync(signal.Id, Token);

        Assert.Empty(queries);
    }

    [Fact]
    public async Task RunAsync_RepeatWithoutDepartments_AsksOnlyThoseThatDidNotAnswer()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        _harness.Clients["belastingen"].Failure = new RpcException(new Status(StatusCode.Unavailable, "down"));
        var first = await RunAsync(signal, decision.Id);
        _harness.Clients["belastingen"].Failure = null;

        var repeat = await _harness.Runner().RunAsync(new HitQueryCommand(signal.Id, null, [], first.Query.Id), Caller, Token);

        Assert.Equal(["belastingen"], repeat.Query.RequestedDepartments);
        Assert.Equal(first.Query.Id, repeat.Query.RepeatOf);
        Assert.Equal(decision.Id, repeat.Query.DecisionId);
        Assert.Equal(DepartmentOutcome.Answered, repeat.Query.Departments.Single().Outcome);
    }

    [Fact]
    public async Task RunAsync_UnexpectedFanOutFailure_CompletesWithCoordinatorError()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        var broken = Substitute.For<IAgentDirectory>();
        broken.Find(Arg.Any<string>()).Returns(_ => throw new InvalidOperationException("defect in the fan-out"));

        var run = await _harness.Runner(agents: broken).RunAsync(new HitQueryCommand(signal.Id, decision.Id, [], null), Caller, Token);

        Assert.Equal(HitQueryState.Completed, run.Query.State);
        Assert.All(run.Query.Departments, outcome => Assert.Equal(DepartmentOutcome.Unavailable, outcome.Outcome));
        Assert.All(run.Query.Departments, outcome => Assert.StartsWith(DepartmentOutcomeReasons.CoordinatorError, outcome.Reason, StringComparison.Ordinal));
        Assert.All(run.Query.Answers, answer => Assert.Equal(HitAnswer.Unavailable, answer.Answer));
        Assert.Null(run.Query.CaseId);
    }

    [Fact]
    public async Task RunAsync_AgentNotConfigured_IsUnavailable()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        var partial = Substitute.For<IAgentDirectory>();
        partial.Find("brp").Returns(_harness.Agents.Find("brp"));

        var run = await _harness.Runner(agents: partial).RunAsync(new HitQueryCommand(signal.Id, decision.Id, [], null), Caller, Token);

        var taxes = run.Query.Departments.Single(outcome => outcome.Department == "belastingen");
        Assert.Equal(DepartmentOutcome.Unavailable, taxes.Outcome);
        Assert.Equal(DepartmentOutcomeReasons.AgentNotConfigured, DepartmentOutcomeReasons.GetCode(taxes.Reason));
    }

    [Fact]
    public async Task RunAsync_AuditLogUnusable_AsksNoAgentAndClosesTheQuery()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        _harness.Audit.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => RunAsync(signal, decision.Id));

        Assert.All(_harness.Clients.Values, client => Assert.Empty(client.CallOptions));
        var query = await _harness.Store.GetHitQueryAsync((await _harness.Store.ListHitQueryIdsAsync(signal.Id, Token)).Single(), Token);
        Assert.Equal(HitQueryState.Completed, query!.State);
        Assert.All(query.Departments, outcome => Assert.Equal(DepartmentOutcome.Unavailable, outcome.Outcome));
        Assert.All(query.Answers, answer => Assert.Equal(HitAnswer.Unavailable, answer.Answer));
    }

    [Fact]
    public async Task RunAsync_Completed_AuditsEachDepartment()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);

        var run = await RunAsync(signal, decision.Id);

        var lines = await File.ReadAllLinesAsync(_harness.AuditLogPath, Token);
        Assert.Equal(2, lines.Count(line => line.Contains("\"hit-query-department\"", StringComparison.Ordinal)));
        var start = Assert.Single(lines, line => line.Contains("\"hit-query\"", StringComparison.Ordinal));
        Assert.Contains($"query {run.Query.Id}", start, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.DoesNotContain("111222333", line, StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(line => line.Contains(run.Query.Id.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_StartNotStored_ReportsFailure()
    {
        var signal = await _harness.RegisterSignalAsync();
        var decision = await _harness.RecordPrivacyCheck1Async(signal);
        var store = ForwardingStore();

        // The start is written while the agents are asked. Here it fails after both agents received
        // their request.
        store.StartHitQueryAsync(Arg.Any<NewHitQuery>(), Arg.Any<CancellationToken>()).Returns(_ => FailAfterRequestsAsync());

        var failure = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => _harness.Runner(store: store).RunAsync(new HitQueryCommand(signal.Id, decision.Id, [], null), Caller, Token));

        Assert.Equal("The store rejected the start.", failure.Message);
        Assert.Empty(await _harness.Store.ListHitQueryIdsAsync(signal.Id, Token));
        await store.DidNotReceiveWithAnyArgs().CompleteHitQueryAsync(default!, default!, Token);
        var lines = await File.ReadAllLinesAsync(_harness.AuditLogPath, Token);
        Assert.Single(lines, line => line.Contains("\"hit-query\"", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(line => line.Contains("\"hit-query-department\"", StringComparison.Ordinal)));

        async Task<HitQuery> FailAfterRequestsAsync()
        {
            while (_harness.Clients.Values.Any(client => client.CallOptions.IsEmpty))
            {
                await Task.Delay(5, Token);
            }

            throw new CoordinatorStoreException(StoreError.InvalidState, "The store rejected the start.");
        }
    }

    /// <summary>A store that passes the runner's reads and writes on to the real one, until a test overrides one.</summary>
    private ICoordinatorStore ForwardingStore()
    {
        var real = _harness.Store;
        var store = Substitute.For<ICoordinatorStore>();
        store.GetDecisionWithoutSubjectsAsync(Arg.Any<DecisionId>(), Arg.Any<CancellationToken>())
            .Returns(call => real.GetDecisionWithoutSubjectsAsync(call.Arg<DecisionId>(), call.Arg<CancellationToken>()));
        store.GetQueryPlanAsync(Arg.Any<DecisionId>(), Arg.Any<CancellationToken>())
            .Returns(call => real.GetQueryPlanAsync(call.Arg<DecisionId>(), call.Arg<CancellationToken>()));
        store.GetSubjectIdsAsync(Arg.Any<SignalId>(), Arg.Any<CancellationToken>())
            .Returns(call => real.GetSubjectIdsAsync(call.Arg<SignalId>(), call.Arg<CancellationToken>()));
        store.StartHitQueryAsync(Arg.Any<NewHitQuery>(), Arg.Any<CancellationToken>())
            .Returns(call => real.StartHitQueryAsync(call.Arg<NewHitQuery>(), call.Arg<CancellationToken>()));
        store.CompleteHitQueryAsync(Arg.Any<HitQueryId>(), Arg.Any<HitQueryCompletion>(), Arg.Any<CancellationToken>())
            .Returns(call => real.CompleteHitQueryAsync(call.Arg<HitQueryId>(), call.Arg<HitQueryCompletion>(), call.Arg<CancellationToken>()));
        return store;
    }

    private Task<HitQueryRun> RunAsync(Signal signal, DecisionId? decisionId, params string[] departments) =>
        _harness.Runner().RunAsync(new HitQueryCommand(signal.Id, decisionId, departments, null), Caller, Token);

    private static HitAnswer Answer(HitQueryRun run, Subject subject, string department, IdentifierType type) =>
        run.Query.Answers.Single(answer => answer.SubjectId == subject.Id && answer.Department == department && answer.IdentifierType == type).Answer;
}
