using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task RegisterSignal_ThenGet_ReturnsTheSameSignal()
    {
        await using var store = await OpenNewAsync();
        var input = StoreTestData.Signal();

        var registered = await store.RegisterSignalAsync(input, Token);
        var read = await store.GetSignalAsync(registered.Id, Token);

        Assert.Equal(StoreTestData.Json(registered), StoreTestData.Json(read));
        Assert.Equal(input.Title, read!.Title);
        Assert.Equal(input.Reporter, read.Reporter);
        Assert.Equal(input.Description, read.Description);
        Assert.Equal([StoreTestData.PersonLabel, StoreTestData.OrganisationLabel], read.Subjects.Select(subject => subject.Label));
        Assert.Equal([SubjectKind.Person, SubjectKind.Organisation], read.Subjects.Select(subject => subject.Kind));
        Assert.Equal(input.Subjects[0].Identifiers, read.Subjects[0].Identifiers);
        Assert.Equal(input.Subjects[1].Identifiers, read.Subjects[1].Identifiers);
    }

    [Fact]
    public async Task RegisterSignal_Timestamp_IsTruncatedToMicroseconds()
    {
        await using var store = await OpenNewAsync();

        var registered = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);

        Assert.Equal(Microseconds(Time.GetUtcNow()), registered.RegisteredAt);
        Assert.NotEqual(Time.GetUtcNow(), registered.RegisteredAt);
        Assert.Equal(registered.RegisteredAt, (await store.GetSignalAsync(registered.Id, Token))!.RegisteredAt);
    }

    [Fact]
    public async Task RegisterSignal_EmptyReporter_IsKept()
    {
        await using var store = await OpenNewAsync();

        var registered = await store.RegisterSignalAsync(StoreTestData.Signal() with { Reporter = "" }, Token);

        Assert.Equal("", (await store.GetSignalAsync(registered.Id, Token))!.Reporter);
    }

    [Fact]
    public async Task GetSignal_UnknownId_ReturnsNull()
    {
        await using var store = await OpenNewAsync();

        Assert.Null(await store.GetSignalAsync(SignalId.New(), Token));
    }

    public static TheoryData<string, NewSignal> InvalidSignals()
    {
        var valid = StoreTestData.Signal();
        var person = valid.Subjects[0];
        return new TheoryData<string, NewSignal>
        {
            { "blank title", valid with { Title = "  " } },
            { "no subjects", valid with { Subjects = [] } },
            { "blank label", valid with { Subjects = [person with { Label = "" }] } },
            { "undefined kind", valid with { Subjects = [person with { Kind = (SubjectKind)9 }] } },
            { "no identifiers", valid with { Subjects = [person with { Identifiers = [] }] } },
            { "duplicate identifier", valid with { Subjects = [person with { Identifiers = [person.Identifiers[0], person.Identifiers[0]] }] } },
            { "empty fields", valid with { Subjects = [person with { Identifiers = [new CanonicalIdentifier(IdentifierType.Bsn, [])] }] } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidSignals))]
    public async Task RegisterSignal_InvalidInput_IsRejectedAndRecordsNothing(string rule, NewSignal signal)
    {
        var options = await NewDatabaseAsync();
        await using var store = await OpenAsync(options);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.RegisterSignalAsync(signal, Token));

        await using var raw = await OpenRawAsync(options);
        var rows = await QueryRawAsync(raw, "SELECT COUNT(*) FROM signals");
        Assert.True(Convert.ToInt64(rows[0][0]) == 0, $"A signal with {rule} was stored.");
    }
}
