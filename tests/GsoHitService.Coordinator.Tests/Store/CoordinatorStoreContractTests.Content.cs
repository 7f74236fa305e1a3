using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task RecordContentRelease_Get_RoundTrips()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var read = await store.GetContentReleaseAsync(scenario.Release.Id, Token);

        Assert.Equal(StoreTestData.Json(scenario.Release), StoreTestData.Json(read));
        Assert.Equal(scenario.Case.Id, read!.CaseId);
        Assert.Equal(StoreTestData.Permits, read.Department);
        Assert.Equal(1, read.SubjectCount);
        Assert.Equal(2, read.Records.Count);
        Assert.Equal(StoreTestData.ReleasedValue, read.Records[0].Fields["vergunningnummer"]);
        Assert.Equal(StoreTestData.ReleasedSource, read.Records[0].Source);
    }

    [Fact]
    public async Task ListContentReleases_Case_ReturnsTheRelease()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var releases = await store.ListContentReleasesAsync(scenario.Case.Id, Token);

        Assert.Equal(StoreTestData.Json(new[] { scenario.Release }), StoreTestData.Json(releases));
    }

    [Fact]
    public async Task RecordContentRelease_SecondForDecision_IsAlreadyExists()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.RecordContentReleaseAsync(StoreTestData.Release(scenario.PrivacyCheck2, scenario.Signal), Token));

        Assert.Equal(StoreError.AlreadyExists, exception.Error);
        Assert.Single(await store.ListContentReleasesAsync(scenario.Case.Id, Token));
    }

    public static TheoryData<string> ReleasesOutsideDecision() =>
        ["field not released", "subject not named", "other department", "privacy check 1"];

    [Theory]
    [MemberData(nameof(ReleasesOutsideDecision))]
    public async Task RecordContentRelease_OutsideDecision_IsInvalidStateAndRecordsNothing(string rule)
    {
        await using var store = await OpenNewAsync();
        var (signal, privacyCheck1, @case) = await OpenCaseAsync(store);
        var privacyCheck2 = await store.RecordDecisionAsync(StoreTestData.PrivacyCheck2(signal, @case.Id), Token);
        var valid = StoreTestData.Release(privacyCheck2, signal);
        var record = valid.Records[0];
        var release = rule switch
        {
            "field not released" => valid with
            {
                Records = [record with { Fields = new Dictionary<string, string>(record.Fields) { ["bsn"] = StoreTestData.Bsn } }],
            },
            "subject not named" => valid with { Records = [record with { SubjectId = signal.Subjects[1].Id }] },
            "other department" => valid with { Department = StoreTestData.Brp },
            "privacy check 1" => valid with { DecisionId = privacyCheck1.Id },
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordContentReleaseAsync(release, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
        Assert.DoesNotContain(StoreTestData.Bsn, exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListContentReleasesAsync(@case.Id, Token));
    }

    [Fact]
    public async Task RecordContentRelease_UnknownDecision_IsNotFound()
    {
        await using var store = await OpenNewAsync();

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.RecordContentReleaseAsync(new NewContentRelease(DecisionId.New(), StoreTestData.Permits, []), Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task RecordPrivacyCheck3_List_OldestFirst()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);
        Time.Advance(TimeSpan.FromMinutes(1));

        var withdrawn = await store.RecordPrivacyCheck3Async(
            new NewPrivacyCheck3Entry(scenario.Case.Id, "handhaver", [], "voorzitter", "Niet langer nodig"),
            Token);
        var entries = await store.ListPrivacyCheck3Async(scenario.Case.Id, Token);

        Assert.Equal(StoreTestData.Json(new[] { scenario.Entry, withdrawn }), StoreTestData.Json(entries));
        Assert.Equal(["vergunningnummer"], entries[0].Fields);
        Assert.Empty(entries[1].Fields);
    }

    [Fact]
    public async Task RecordPrivacyCheck3_UnknownCase_IsNotFound()
    {
        await using var store = await OpenNewAsync();

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.RecordPrivacyCheck3Async(new NewPrivacyCheck3Entry(CaseId.New(), "handhaver", ["x"], "voorzitter", "Reden"), Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEverything()
    {
        var options = await NewDatabaseAsync();
        Scenario scenario;
        await using (var store = await OpenAsync(options))
        {
            scenario = await BuildScenarioAsync(store);
        }

        await using var reopened = await OpenAsync(options);

        Assert.Equal(StoreTestData.Json(scenario.Signal), StoreTestData.Json(await reopened.GetSignalAsync(scenario.Signal.Id, Token)));
        Assert.Equal(
            StoreTestData.Json(new[] { scenario.PrivacyCheck1, scenario.PrivacyCheck2 }),
            StoreTestData.Json(await reopened.ListDecisionsAsync(scenario.Signal.Id, Token)));
        Assert.Equal(StoreTestData.Json(scenario.Query), StoreTestData.Json(await reopened.GetHitQueryAsync(scenario.Query.Id, Token)));
        Assert.Equal(StoreTestData.Json(scenario.Case), StoreTestData.Json(await reopened.GetCaseForSignalAsync(scenario.Signal.Id, Token)));
        Assert.Equal(StoreTestData.Json(scenario.Release), StoreTestData.Json(await reopened.GetContentReleaseAsync(scenario.Release.Id, Token)));
        Assert.Equal(StoreTestData.Json(new[] { scenario.Entry }), StoreTestData.Json(await reopened.ListPrivacyCheck3Async(scenario.Case.Id, Token)));
    }

    private async Task<(Signal Signal, Decision PrivacyCheck1, Case Case)> OpenCaseAsync(ICoordinatorStore store)
    {
        var (signal, decision) = await RegisterSignalWithDecisionAsync(store);
        var started = await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, AllDepartments), Token);
        var completed = await store.CompleteHitQueryAsync(started.Id, StoreTestData.CompletionWithHit(signal, Time.GetUtcNow()), Token);
        return (signal, decision, (await store.GetCaseAsync(completed.CaseId!.Value, Token))!);
    }
}
