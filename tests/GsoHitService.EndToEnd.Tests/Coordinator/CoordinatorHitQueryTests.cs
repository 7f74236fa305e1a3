using GsoHitService.Agent.Queries;
using GsoHitService.Audit;
using GsoHitService.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static GsoHitService.EndToEnd.Tests.Coordinator.CoordinatorTestEnvironment;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>Hit queries through a real coordinator to four real agents, over mutual TLS on loopback.</summary>
public sealed class CoordinatorHitQueryTests
{
    [Fact]
    public async Task RunHitQuery_FourAgents_MapsEveryAnswerToSubjectDepartmentAndType()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);

        var result = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        Assert.All(result.Departments, outcome => Assert.Equal(Proto.DepartmentOutcome.Answered, outcome.Outcome));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Betrokkene A", Brp, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Betrokkene A", Brp, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Betrokkene B", Brp, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.NotHeld, result.AnswerOf("Bedrijf C", Brp, Proto.IdentifierType.KvkNumber));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Bedrijf C", Brp, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Bedrijf C", Permits, Proto.IdentifierType.KvkNumber));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Bedrijf C", Permits, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Betrokkene A", Permits, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.NotHeld, result.AnswerOf("Betrokkene A", Permits, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Betrokkene A", Taxes, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.NotHeld, result.AnswerOf("Betrokkene A", Taxes, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Betrokkene B", Social, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Betrokkene A", Social, Proto.IdentifierType.Bsn));
    }

    [Fact]
    public async Task RunHitQuery_WithHit_OpensCaseAndCompletes()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);

        var result = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        Assert.NotEmpty(result.CaseId);
        Assert.NotNull(result.CompletedAt);
        Assert.Equal(3, result.TotalSubjectCount);
        Assert.Empty(result.NextPageToken);
        Assert.All(result.Departments, outcome => Assert.NotNull(outcome.IndexLoadedAt));
    }

    [Fact]
    public async Task RunHitQuery_OnlyNoHitsAndNotHeld_OpensNoCase()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var companyC = signal.Subjects[2].SubjectId;
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId, Scope(Taxes), Scope(Brp, companyC));

        var result = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        Assert.Empty(result.CaseId);
        Assert.All(result.Departments, outcome => Assert.Equal(Proto.DepartmentOutcome.Answered, outcome.Outcome));
        Assert.Equal(Proto.HitAnswer.NoHit, result.AnswerOf("Bedrijf C", Brp, Proto.IdentifierType.Address));
        Assert.Equal(Proto.HitAnswer.NotHeld, result.AnswerOf("Bedrijf C", Taxes, Proto.IdentifierType.KvkNumber));
        Assert.DoesNotContain(result.Subjects.Single(subject => subject.Label == "Betrokkene A").Departments, cell => cell.Department == Brp);
    }

    [Fact]
    public async Task RunHitQuery_AgentStoppedDuringQuery_IsUnavailableAndOthersAnswer()
    {
        var lookupStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdTaxes = new Dictionary<string, Action<IServiceCollection>>
        {
            [Taxes] = services => services.Replace(ServiceDescriptor.Singleton<LookupProgress>(provider =>
                new HeldLookupProgress(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), lookupStarted))),
        };
        await using var environment = await StartAsync(holdTaxes);
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);

        var query = environment.RunQueryAsync(signal.SignalId, decision.DecisionId);
        await lookupStarted.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await environment.Agent(Taxes).StopAsync();
        var result = await query;

        var taxes = result.OutcomeOf(Taxes);
        Assert.Equal(Proto.DepartmentOutcome.Unavailable, taxes.Outcome);
        Assert.Equal(DepartmentOutcomeReasons.AgentUnreachable, DepartmentOutcomeReasons.GetCode(taxes.Reason));
        Assert.Equal(Proto.HitAnswer.Unavailable, result.AnswerOf("Betrokkene A", Taxes, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Unavailable, result.AnswerOf("Betrokkene B", Taxes, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.DepartmentOutcome.Answered, result.OutcomeOf(Brp).Outcome);
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Betrokkene A", Brp, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Betrokkene B", Social, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Hit, result.AnswerOf("Bedrijf C", Permits, Proto.IdentifierType.KvkNumber));
    }

    [Fact]
    public async Task RunHitQuery_RepeatAfterAgentDown_AsksOnlyTheFailedDepartment()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);
        await environment.Agent(Social).StopAsync();
        var first = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        var repeat = await environment.RunQueryAsync(signal.SignalId, "", repeatOf: first.QueryId);

        Assert.Equal(Proto.DepartmentOutcome.Unavailable, first.OutcomeOf(Social).Outcome);
        Assert.Equal([Social], repeat.Departments.Select(outcome => outcome.Department));
        Assert.Equal(first.QueryId, repeat.RepeatOfQueryId);
        Assert.Equal(decision.DecisionId, repeat.DecisionId);
        Assert.Equal(Proto.HitAnswer.Unavailable, repeat.AnswerOf("Betrokkene B", Social, Proto.IdentifierType.Bsn));
    }

    [Fact]
    public async Task RunHitQuery_RepeatOfExplicitDepartment_AnswersAfterAgentIsBack()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var companyC = signal.Subjects[2].SubjectId;
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId, Scope(Brp), Scope(Permits, companyC));
        var permitsAddress = environment.Agent(Permits).Address;
        await environment.Agent(Permits).StopAsync();
        var first = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);
        await using var permitsAgain = await environment.RestartAgentOnAsync(Permits, permitsAddress);
        await environment.WaitUntilReachableAsync(Permits);

        var repeat = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId, first.QueryId, Permits);

        Assert.Equal(Proto.DepartmentOutcome.Unavailable, first.OutcomeOf(Permits).Outcome);
        Assert.Equal(Proto.DepartmentOutcome.Answered, repeat.OutcomeOf(Permits).Outcome);
        Assert.Equal(Proto.HitAnswer.Hit, repeat.AnswerOf("Bedrijf C", Permits, Proto.IdentifierType.KvkNumber));
        Assert.Equal([Permits], repeat.Departments.Select(outcome => outcome.Department));
    }

    [Fact]
    public async Task GetHitQueryResult_AfterCoordinatorRestart_ReturnsSameResult()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);
        var result = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        await environment.RestartCoordinatorAsync();
        var read = await environment.Client.GetHitQueryResultAsync(new Proto.GetHitQueryResultRequest { QueryId = result.QueryId }, deadline: Deadline(), cancellationToken: Token);

        Assert.Equal(result, read);
    }

    [Fact]
    public async Task GetHitQueryResult_CoordinatorStoppedDuringQuery_HeldDepartmentIsNeverNoHit()
    {
        var lookupStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdBrp = new Dictionary<string, Action<IServiceCollection>>
        {
            [Brp] = services => services.Replace(ServiceDescriptor.Singleton<LookupProgress>(provider =>
                new HeldLookupProgress(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), lookupStarted))),
        };
        await using var environment = await StartAsync(holdBrp);
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);
        var query = environment.RunQueryAsync(signal.SignalId, decision.DecisionId);
        await lookupStarted.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);

        await environment.Coordinator.StopAsync(TimeSpan.Zero);
        await Assert.ThrowsAnyAsync<Exception>(() => query);
        await environment.Coordinator.StartAgainAsync();
        var client = environment.Coordinator.CreateClient();
        var view = await client.GetSignalAsync(new Proto.GetSignalRequest { SignalId = signal.SignalId }, deadline: Deadline(), cancellationToken: Token);
        var read = await client.GetHitQueryResultAsync(new Proto.GetHitQueryResultRequest { QueryId = view.QueryIds.Single() }, deadline: Deadline(), cancellationToken: Token);

        // The stop either let the query complete with the held department cancelled, or cut it off
        // before completion, so that the restart marked it interrupted. Both mean "unknown", never "no hit".
        var brp = read.OutcomeOf(Brp);
        Assert.Equal(Proto.DepartmentOutcome.Cancelled, brp.Outcome);
        Assert.Contains(DepartmentOutcomeReasons.GetCode(brp.Reason), new[] { DepartmentOutcomeReasons.Cancelled, DepartmentOutcomeReasons.CoordinatorRestarted });
        Assert.Equal(Proto.HitAnswer.Unavailable, read.AnswerOf("Betrokkene A", Brp, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Unavailable, read.AnswerOf("Betrokkene B", Brp, Proto.IdentifierType.Bsn));
        Assert.Equal(Proto.HitAnswer.Unavailable, read.AnswerOf("Bedrijf C", Brp, Proto.IdentifierType.Address));
    }

    [Fact]
    public async Task RunHitQuery_Completed_WritesAuditEntriesWithoutIdentifiers()
    {
        await using var environment = await StartAsync();
        var signal = await environment.RegisterSignalAsync();
        var decision = await environment.RecordPrivacyCheck1Async(signal.SignalId);
        var result = await environment.RunQueryAsync(signal.SignalId, decision.DecisionId);
        await environment.Coordinator.StopAsync();

        var verification = AuditLogVerifier.Verify(environment.Coordinator.AuditLogPath, Token);
        var text = await File.ReadAllTextAsync(environment.Coordinator.AuditLogPath, Token);

        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Contains("\"hit-query-department\"", text, StringComparison.Ordinal);
        Assert.Contains(result.QueryId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(BsnA, text, StringComparison.Ordinal);
        Assert.DoesNotContain(KvkC, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234AB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Betrokkene A", text, StringComparison.Ordinal);
    }

    /// <summary>Holds every lookup until the call is cancelled, and reports when the first one started.</summary>
    private sealed class HeldLookupProgress(System.Diagnostics.Metrics.IMeterFactory meterFactory, TaskCompletionSource started) : LookupProgress(meterFactory)
    {
        public override void OnBatchChecked(int probeCount, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            base.OnBatchChecked(probeCount, cancellationToken);
        }
    }
}
