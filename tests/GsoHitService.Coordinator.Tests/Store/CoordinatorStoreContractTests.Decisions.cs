using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task RecordDecision_PrivacyCheck1_RoundTrips()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp, StoreTestData.Permits);

        var recorded = await store.RecordDecisionAsync(input, Token);
        var read = await store.GetDecisionAsync(input.Id, Token);

        Assert.Equal(StoreTestData.Json(recorded), StoreTestData.Json(read));
        Assert.Equal([StoreTestData.Brp, StoreTestData.Permits], read!.Departments);
        Assert.Equal(["voorzitter", "privacy-officer"], read.SignedBy);
        Assert.Equal(input.Payload, read.Payload);
        Assert.Equal(input.Signatures[1].Signature, read.Signatures[1].Signature);
        Assert.Equal(input.ValidUntil, read.ValidUntil);
        Assert.Equal(input.IdentifierTypes, read.IdentifierTypes);
        Assert.Null(read.CaseId);
    }

    [Fact]
    public async Task RecordDecision_PrivacyCheck2_RoundTrips()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var read = await store.GetDecisionAsync(scenario.PrivacyCheck2.Id, Token);

        Assert.Equal(StoreTestData.Json(scenario.PrivacyCheck2), StoreTestData.Json(read));
        Assert.Equal(scenario.Case.Id, read!.CaseId);
        Assert.Equal(["vergunningnummer", "vergunningsoort"], read.Fields);
        Assert.Equal(["casusregisseur", "handhaver"], read.Recipients);
    }

    [Fact]
    public async Task ListDecisions_Signal_ReturnsBothChecksOldestFirst()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);

        var decisions = await store.ListDecisionsAsync(scenario.Signal.Id, Token);

        Assert.Equal([scenario.PrivacyCheck1.Id, scenario.PrivacyCheck2.Id], decisions.Select(decision => decision.Id));
        Assert.Equal(StoreTestData.Json(scenario.PrivacyCheck1), StoreTestData.Json(decisions[0]));
    }

    [Fact]
    public async Task RecordDecision_SameIdTwice_IsAlreadyExists()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp);
        await store.RecordDecisionAsync(decision, Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordDecisionAsync(decision, Token));

        Assert.Equal(StoreError.AlreadyExists, exception.Error);
    }

    [Fact]
    public async Task RecordDecision_UnknownSignal_IsNotFound()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp) with { SignalId = SignalId.New() };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordDecisionAsync(decision, Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task RecordDecision_SubjectOfOtherSignal_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp) with
        {
            Scopes = [new DecisionScope(StoreTestData.Brp, [other.Subjects[0].Id])],
        };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordDecisionAsync(decision, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
        Assert.Null(await store.GetDecisionAsync(decision.Id, Token));
    }

    [Fact]
    public async Task RecordDecision_CaseOfOtherSignal_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var scenario = await BuildScenarioAsync(store);
        var other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = StoreTestData.PrivacyCheck2(other, scenario.Case.Id);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordDecisionAsync(decision, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task RecordDecision_PrivacyCheck2UnknownCase_IsNotFound()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(
            () => store.RecordDecisionAsync(StoreTestData.PrivacyCheck2(signal, CaseId.New()), Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    public static TheoryData<string> InvalidDecisionRules() =>
        ["no departments", "validity reversed", "no signatures", "empty payload", "case on check 1", "duplicate department", "blank purpose"];

    [Theory]
    [MemberData(nameof(InvalidDecisionRules))]
    public async Task RecordDecision_InvalidInput_IsRejected(string rule)
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var valid = StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp);
        var decision = rule switch
        {
            "no departments" => valid with { Scopes = [] },
            "validity reversed" => valid with { ValidUntil = valid.ValidFrom },
            "no signatures" => valid with { Signatures = [] },
            "empty payload" => valid with { Payload = [] },
            "case on check 1" => valid with { CaseId = CaseId.New() },
            "duplicate department" => valid with { Scopes = [valid.Scopes[0], valid.Scopes[0]] },
            "blank purpose" => valid with { Purpose = " " },
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.RecordDecisionAsync(decision, Token));
        Assert.Null(await store.GetDecisionAsync(decision.Id, Token));
    }
}
