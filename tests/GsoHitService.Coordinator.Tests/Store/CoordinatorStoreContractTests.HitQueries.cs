using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    private static readonly string[] AllDepartments = [StoreTestData.Brp, StoreTestData.Permits, StoreTestData.Taxes];

    [Fact]
    public async Task StartHitQuery_Get_ShowsInProgress()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);

        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var read = await store.GetHitQueryAsync(started.Id, Token);

        Assert.Equal(StoreTestData.Json(started), StoreTestData.Json(read));
        Assert.Equal(HitQueryState.InProgress, read!.State);
        Assert.Equal(AllDepartments, read.RequestedDepartments);
        Assert.Null(read.EndedAt);
        Assert.Empty(read.Departments);
        Assert.Empty(read.Answers);
        Assert.Null(read.CaseId);
    }

    [Fact]
    public async Task CompleteHitQuery_Hit_OpensCase()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var completion = StoreTestData.CompletionWithHit(signal, Time.GetUtcNow().AddHours(-3));
        Time.Advance(TimeSpan.FromSeconds(2));

        var completed = await store.CompleteHitQueryAsync(started.Id, completion, Token);
        var read = await store.GetHitQueryAsync(started.Id, Token);

        Assert.Equal(StoreTestData.Json(completed), StoreTestData.Json(read));
        Assert.Equal(HitQueryState.Completed, read!.State);
        Assert.Equal(started.StartedAt.AddSeconds(2), read.EndedAt);
        Assert.Equal(StoreTestData.Json(completion.Answers), StoreTestData.Json(read.Answers));
        Assert.Equal(
            [DepartmentOutcome.Answered, DepartmentOutcome.Answered, DepartmentOutcome.DeadlineExceeded],
            read.Departments.Select(outcome => outcome.Outcome));
        Assert.Equal("Geen antwoord binnen 10 s", read.Departments[2].Reason);
        Assert.Null(read.Departments[2].IndexLoadedAt);
        Assert.Equal(Microseconds(completion.Departments[1].IndexLoadedAt!.Value), read.Departments[1].IndexLoadedAt);

        var @case = await store.GetCaseForSignalAsync(signal.Id, Token);
        Assert.Equal(read.CaseId, @case!.Id);
        Assert.Equal(started.Id, @case.OpenedByQueryId);
        Assert.Equal(read.EndedAt, @case.OpenedAt);
        Assert.Equal(StoreTestData.Json(@case), StoreTestData.Json(await store.GetCaseAsync(@case.Id, Token)));
    }

    [Fact]
    public async Task CompleteHitQuery_WithoutHit_OpensNoCase()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp]), Token);

        var completed = await store.CompleteHitQueryAsync(started.Id, StoreTestData.CompletionWithoutHit(signal, StoreTestData.Brp), Token);

        Assert.Equal(HitQueryState.Completed, completed.State);
        Assert.Null(completed.CaseId);
        Assert.Null(await store.GetCaseForSignalAsync(signal.Id, Token));
    }

    [Fact]
    public async Task CompleteHitQuery_SecondHit_KeepsFirstCase()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var first = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var firstResult = await store.CompleteHitQueryAsync(first.Id, StoreTestData.CompletionWithHit(signal, Time.GetUtcNow()), Token);

        var second = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Taxes], first.Id), Token);
        var secondResult = await store.CompleteHitQueryAsync(
            second.Id,
            new HitQueryCompletion(
                [new DepartmentQueryOutcome(StoreTestData.Taxes, DepartmentOutcome.Answered, null, Time.GetUtcNow())],
                [new HitQueryAnswer(signal.Subjects[1].Id, StoreTestData.Taxes, IdentifierType.KvkNumber, HitAnswer.Hit)]),
            Token);

        Assert.Equal(firstResult.CaseId, secondResult.CaseId);
        Assert.Equal(first.Id, secondResult.RepeatOf);
        Assert.Equal(first.Id, (await store.GetCaseForSignalAsync(signal.Id, Token))!.OpenedByQueryId);
        Assert.Equal([first.Id, second.Id], await store.ListHitQueryIdsAsync(signal.Id, Token));
    }

    [Fact]
    public async Task CompleteHitQuery_Twice_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp]), Token);
        var completion = StoreTestData.CompletionWithoutHit(signal, StoreTestData.Brp);
        await store.CompleteHitQueryAsync(started.Id, completion, Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.CompleteHitQueryAsync(started.Id, completion, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task CompleteHitQuery_Concurrently_OneWins()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var completion = StoreTestData.CompletionWithHit(signal, Time.GetUtcNow());

        var attempts = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => store.CompleteHitQueryAsync(started.Id, completion, Token), Token))
            .ToArray();
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (CoordinatorStoreException)
        {
            // Expected for all attempts but one; each is checked below.
        }

        Assert.Equal(1, attempts.Count(attempt => attempt.IsCompletedSuccessfully));
        foreach (var failed in attempts.Where(attempt => attempt.IsFaulted))
        {
            var exception = Assert.IsType<CoordinatorStoreException>(failed.Exception!.InnerException);
            Assert.Equal(StoreError.InvalidState, exception.Error);
        }

        var read = await store.GetHitQueryAsync(started.Id, Token);
        Assert.Equal(completion.Answers.Count, read!.Answers.Count);
        Assert.Equal(read.CaseId, (await store.GetCaseForSignalAsync(signal.Id, Token))!.Id);
    }

    [Fact]
    public async Task CompleteHitQuery_AnswerFailsMidway_RecordsNothing()
    {
        var options = await NewDatabaseAsync();
        await using var store = await OpenAsync(options);
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var valid = StoreTestData.CompletionWithHit(signal, Time.GetUtcNow());

        // The last answer names a subject of another signal; the store must reject the whole
        // completion, not record the outcomes, the other answers or the case.
        var broken = valid with
        {
            Answers = [.. valid.Answers, new HitQueryAnswer(other.Subjects[0].Id, StoreTestData.Brp, IdentifierType.Bsn, HitAnswer.Hit)],
        };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.CompleteHitQueryAsync(started.Id, broken, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
        var read = await store.GetHitQueryAsync(started.Id, Token);
        Assert.Equal(HitQueryState.InProgress, read!.State);
        Assert.Empty(read.Departments);
        Assert.Empty(read.Answers);
        Assert.Null(await store.GetCaseForSignalAsync(signal.Id, Token));

        await using (var raw = await OpenRawAsync(options))
        {
            var answers = await QueryRawAsync(raw, "SELECT COUNT(*) FROM hit_query_answers");
            var answerSets = await QueryRawAsync(raw, "SELECT COUNT(*) FROM hit_query_answer_sets");
            Assert.Equal(0L, Convert.ToInt64(answers[0][0]));
            Assert.Equal(0L, Convert.ToInt64(answerSets[0][0]));
        }

        var completed = await store.CompleteHitQueryAsync(started.Id, valid, Token);
        Assert.Equal(HitQueryState.Completed, completed.State);
    }

    [Fact]
    public async Task CompleteHitQuery_NoHitFromFailedDepartment_IsRejected()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Taxes]), Token);
        var completion = new HitQueryCompletion(
            [new DepartmentQueryOutcome(StoreTestData.Taxes, DepartmentOutcome.Unavailable, "Agent niet bereikbaar", null)],
            [new HitQueryAnswer(signal.Subjects[0].Id, StoreTestData.Taxes, IdentifierType.Bsn, HitAnswer.NoHit)]);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteHitQueryAsync(started.Id, completion, Token));

        Assert.Contains("Unavailable", exception.Message, StringComparison.Ordinal);
        Assert.Equal(HitQueryState.InProgress, (await store.GetHitQueryAsync(started.Id, Token))!.State);
    }

    public static TheoryData<string> InvalidCompletionRules() =>
        ["missing department", "department not asked", "outcome twice", "failure without reason", "answer twice", "answer from department not asked"];

    [Theory]
    [MemberData(nameof(InvalidCompletionRules))]
    public async Task CompleteHitQuery_InvalidCompletion_IsRejected(string rule)
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp, StoreTestData.Permits]), Token);
        var valid = StoreTestData.CompletionWithoutHit(signal, StoreTestData.Brp, StoreTestData.Permits);
        var completion = rule switch
        {
            "missing department" => valid with { Departments = [valid.Departments[0]] },
            "department not asked" => valid with { Departments = [.. valid.Departments, valid.Departments[0] with { Department = StoreTestData.Taxes }] },
            "outcome twice" => valid with { Departments = [.. valid.Departments, valid.Departments[0]] },
            "failure without reason" => valid with { Departments = [valid.Departments[0], valid.Departments[1] with { Outcome = DepartmentOutcome.Refused }] },
            "answer twice" => valid with { Answers = [.. valid.Answers, valid.Answers[0]] },
            "answer from department not asked" => valid with { Answers = [valid.Answers[0] with { Department = StoreTestData.Taxes }] },
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CompleteHitQueryAsync(started.Id, completion, Token));
        Assert.Equal(HitQueryState.InProgress, (await store.GetHitQueryAsync(started.Id, Token))!.State);
    }

    [Fact]
    public async Task CompleteHitQuery_UnknownQuery_IsNotFound()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.CompleteHitQueryAsync(HitQueryId.New(), StoreTestData.CompletionWithoutHit(signal, StoreTestData.Brp), Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task StartHitQuery_DepartmentNotInDecision_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = await store.RecordDecisionAsync(StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp), Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp, "sociaal-domein"]), Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
        Assert.Empty(await store.ListHitQueryIdsAsync(signal.Id, Token));
    }

    [Fact]
    public async Task StartHitQuery_DecisionOfOtherSignal_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var (_, decision) = await RegisterSignalWithDecisionAsync(store);
        var other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.StartHitQueryAsync(new NewHitQuery(other.Id, decision.Id, [StoreTestData.Brp]), Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task StartHitQuery_UnderPrivacyCheck2_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.StartHitQueryAsync(new NewHitQuery(scenario.Signal.Id, scenario.PrivacyCheck2.Id, [StoreTestData.Permits]), Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task StartHitQuery_UnknownRepeatOf_IsNotFound()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp], HitQueryId.New()), Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task InterruptUnfinished_AfterRestart_MarksQueryInterrupted()
    {
        var options = await NewDatabaseAsync();
        Signal signal;
        HitQuery started;
        HitQuery finished;
        await using (var store = await OpenAsync(options))
        {
            (signal, var decision) = await RegisterSignalWithDecisionAsync(store);
            finished = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp]), Token);
            finished = await store.CompleteHitQueryAsync(finished.Id, StoreTestData.CompletionWithoutHit(signal, StoreTestData.Brp), Token);
            started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        }

        Time.Advance(TimeSpan.FromMinutes(10));
        await using var reopened = await OpenAsync(options);

        Assert.Equal(HitQueryState.InProgress, (await reopened.GetHitQueryAsync(started.Id, Token))!.State);
        Assert.Equal(1, await reopened.InterruptUnfinishedHitQueriesAsync(Token));

        var interrupted = await reopened.GetHitQueryAsync(started.Id, Token);
        Assert.Equal(HitQueryState.Interrupted, interrupted!.State);
        Assert.Equal(started.StartedAt.AddMinutes(10), interrupted.EndedAt);
        Assert.Empty(interrupted.Departments);
        Assert.Equal(StoreTestData.Json(finished), StoreTestData.Json(await reopened.GetHitQueryAsync(finished.Id, Token)));

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => reopened.CompleteHitQueryAsync(started.Id, StoreTestData.CompletionWithoutHit(signal, AllDepartments), Token));
        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task GetHitQuery_AnswersStoredOneRowEach_AreReadInOrder()
    {
        var options = await NewDatabaseAsync();
        await using var store = await OpenAsync(options);
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp, StoreTestData.Permits]), Token);

        // Queries completed before schema version 3 have one row per answer.
        await using (var raw = await OpenRawAsync(options))
        {
            await ExecuteRawAsync(raw, "UPDATE hit_queries SET state = 2, ended_at = started_at WHERE query_id = @id", ("@id", started.Id.Value));
            await ExecuteRawAsync(raw, "UPDATE hit_query_departments SET outcome = 1 WHERE query_id = @id", ("@id", started.Id.Value));
            foreach (var (subject, department, type) in new[]
            {
                (signal.Subjects[1], StoreTestData.Brp, IdentifierType.KvkNumber),
                (signal.Subjects[0], StoreTestData.Permits, IdentifierType.Bsn),
                (signal.Subjects[0], StoreTestData.Brp, IdentifierType.Bsn),
            })
            {
                await ExecuteRawAsync(
                    raw,
                    "INSERT INTO hit_query_answers (query_id, signal_id, subject_id, department, identifier_type, answer) VALUES (@q, @s, @subject, @d, @t, 2)",
                    ("@q", started.Id.Value),
                    ("@s", signal.Id.Value),
                    ("@subject", subject.Id.Value),
                    ("@d", department),
                    ("@t", (int)type));
            }
        }

        var read = await store.GetHitQueryAsync(started.Id, Token);

        Assert.Equal(
            [
                new HitQueryAnswer(signal.Subjects[0].Id, StoreTestData.Brp, IdentifierType.Bsn, HitAnswer.NoHit),
                new HitQueryAnswer(signal.Subjects[0].Id, StoreTestData.Permits, IdentifierType.Bsn, HitAnswer.NoHit),
                new HitQueryAnswer(signal.Subjects[1].Id, StoreTestData.Brp, IdentifierType.KvkNumber, HitAnswer.NoHit),
            ],
            read!.Answers);
    }

    [Fact]
    public async Task CompleteHitQuery_ManyAnswers_RoundTripsPacked()
    {
        await using var store = await OpenNewAsync();
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var types = new[] { IdentifierType.Bsn, IdentifierType.Address, IdentifierType.Iban, IdentifierType.KvkNumber };
        var answers = (
            from subject in signal.Subjects
            from department in AllDepartments
            from type in types
            select new HitQueryAnswer(subject.Id, department, type, (HitAnswer)(1 + ((int)type % 4)))).ToArray();
        var completion = new HitQueryCompletion(
            AllDepartments.Select(department => new DepartmentQueryOutcome(department, DepartmentOutcome.Answered, null, null)).ToArray(),
            answers.Reverse().ToArray());

        var completed = await store.CompleteHitQueryAsync(started.Id, completion, Token);
        var read = await store.GetHitQueryAsync(started.Id, Token);

        Assert.Equal(answers.Length, read!.Answers.Count);
        Assert.Equal(StoreTestData.Json(completed.Answers), StoreTestData.Json(read.Answers));
        Assert.Equal(answers.OrderBy(answer => signal.Subjects.ToList().FindIndex(subject => subject.Id == answer.SubjectId))
            .ThenBy(answer => Array.IndexOf(AllDepartments, answer.Department))
            .ThenBy(answer => answer.IdentifierType), read.Answers);
    }
}
