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

    [Fact]
    public async Task GetQueryPlan_Recorded_RoundTripsEncrypted()
    {
        var options = await NewDatabaseAsync();
        await using var store = await OpenAsync(options);
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var plan = System.Text.Encoding.ASCII.GetBytes("plan of tokens Xylophoon-7781");
        var input = StoreTestData.PreparedPrivacyCheck1(signal) with { QueryPlan = plan };
        await store.RecordPreparedDecisionAsync(input, Token);

        var read = await store.GetQueryPlanAsync(input.Id, Token);

        Assert.Equal(plan, read);
        await using var raw = await OpenRawAsync(options);
        var stored = (byte[])(await QueryRawAsync(raw, "SELECT query_plan FROM prepared_decisions"))[0][0]!;
        Assert.DoesNotContain("Xylophoon", System.Text.Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQueryPlan_NoPlan_ReturnsNull()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var input = StoreTestData.PreparedPrivacyCheck1(signal);
        await store.RecordPreparedDecisionAsync(input, Token);

        Assert.Null(await store.GetQueryPlanAsync(input.Id, Token));
        Assert.Null(await store.GetQueryPlanAsync(DecisionId.New(), Token));
    }

    [Fact]
    public async Task GetDecisionWithoutSubjects_Recorded_HasDepartmentsButNoSubjects()
    {
        await using var store = await OpenNewAsync();
        var (_, decision) = await RegisterSignalWithDecisionAsync(store);

        var read = await store.GetDecisionWithoutSubjectsAsync(decision.Id, Token);

        Assert.Equal(decision.Departments, read!.Departments);
        Assert.All(read.Scopes, scope => Assert.Empty(scope.SubjectIds));
        Assert.Equal(decision.SignedBy, read.SignedBy);
        Assert.Equal(decision.Payload, read.Payload);
        Assert.Equal(decision.IdentifierTypes, read.IdentifierTypes);
        Assert.Null(await store.GetDecisionWithoutSubjectsAsync(DecisionId.New(), Token));
    }

    [Fact]
    public async Task GetSubjectIds_Signal_ListsThemByPosition()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        var ids = await store.GetSubjectIdsAsync(signal.Id, Token);

        Assert.Equal(signal.Subjects.Select(subject => subject.Id), ids!);
        Assert.Null(await store.GetSubjectIdsAsync(SignalId.New(), Token));
    }

    [Fact]
    public async Task GetSubjectLabels_Range_DecryptsOnlyThoseLabels()
    {
        await using var store = await OpenNewAsync();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        var labels = await store.GetSubjectLabelsAsync(signal.Id, 1, 1, Token);

        var label = Assert.Single(labels);
        Assert.Equal(new SubjectLabel(1, signal.Subjects[1].Id, StoreTestData.OrganisationLabel), label);
    }
}
