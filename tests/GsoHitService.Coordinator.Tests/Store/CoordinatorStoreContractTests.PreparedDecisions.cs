using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task RecordPreparedDecision_PrivacyCheck1_RoundTrips()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal);

        var recorded = await store.RecordPreparedDecisionAsync(input, Token);
        var read = await store.GetPreparedDecisionAsync(input.Id, Token);

        Assert.Equal(StoreTestData.Json(recorded), StoreTestData.Json(read));
        Assert.Equal(input.Payload, read!.Payload);
        Assert.Equal([StoreTestData.Brp, StoreTestData.Permits], read.Scopes.Select(scope => scope.Department));
        Assert.Equal([signal.Subjects[1].Id], read.Scopes[1].SubjectIds);
        Assert.Equal(Microseconds(Time.GetUtcNow()), read.PreparedAt);
    }

    [Fact]
    public async Task GetPreparedDecision_UnknownId_ReturnsNull()
    {
        await using var store = await OpenNewAsync();

        var read = await store.GetPreparedDecisionAsync(DecisionId.New(), Token);

        Assert.Null(read);
    }

    [Fact]
    public async Task RecordPreparedDecision_SameIdTwice_IsAlreadyExists()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal);
        await store.RecordPreparedDecisionAsync(input, Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordPreparedDecisionAsync(input, Token));

        Assert.Equal(StoreError.AlreadyExists, exception.Error);
    }

    [Fact]
    public async Task RecordPreparedDecision_SubjectOfOtherSignal_IsInvalidState()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal) with
        {
            Scopes = [new DecisionScope(StoreTestData.Brp, [other.Subjects[0].Id])],
        };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordPreparedDecisionAsync(input, Token));

        Assert.Equal(StoreError.InvalidState, exception.Error);
    }

    [Fact]
    public async Task RecordPreparedDecision_UnknownSignal_IsNotFound()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal) with { SignalId = SignalId.New() };

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => store.RecordPreparedDecisionAsync(input, Token));

        Assert.Equal(StoreError.NotFound, exception.Error);
    }

    [Fact]
    public async Task RecordPreparedDecision_PrivacyCheck1WithCase_IsRejected()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal) with { CaseId = CaseId.New() };

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordPreparedDecisionAsync(input, Token));
    }
}
