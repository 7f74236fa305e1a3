using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Agent.Tests.Indexing;

public sealed class IndexLoaderTests : IDisposable
{
    private readonly MatchingKey _key = MatchingKey.Generate("2026-01");
    private readonly MatchTokenizer _tokenizer;
    private readonly ListLogger<IndexLoader> _logger = new();

    public IndexLoaderTests() => _tokenizer = new MatchTokenizer(_key);

    public void Dispose()
    {
        _tokenizer.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task LoadAsync_TwoSources_IndexesEveryIdentifierOfBoth()
    {
        var bsns = new InMemorySource("bsn", [IdentifierType.Bsn]) { Records = InMemorySource.ValidBsns(20_000) };
        var more = new InMemorySource("more", [IdentifierType.Bsn]) { Records = InMemorySource.ValidBsns(5_000, first: 20_000_000) };

        var loaded = await CreateLoader(bsns, more).LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(25_000, loaded.Index.Count);
        Assert.All(bsns.Records.Concat(more.Records), record => Assert.True(loaded.Index.Contains(_tokenizer.ComputeToken(record.Identifiers[0]))));
        Assert.Equal(["bsn", "more"], loaded.Reports.Select(report => report.SourceName));
    }

    [Fact]
    public async Task LoadAsync_SameIdentifierInTwoSources_IsIndexedOnce()
    {
        var first = new InMemorySource("first", [IdentifierType.Bsn]) { Records = [InMemorySource.Bsn(1, "123456782")] };
        var second = new InMemorySource("second", [IdentifierType.Bsn]) { Records = [InMemorySource.Bsn(1, "123456782")] };

        var loaded = await CreateLoader(first, second).LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, loaded.Index.Count);
    }

    [Fact]
    public async Task LoadAsync_SourceReadFailsHalfway_FailsWholeLoadWithItsMessage()
    {
        var good = new InMemorySource("good", [IdentifierType.Bsn]) { Records = InMemorySource.ValidBsns(100) };
        var broken = new InMemorySource("broken", [IdentifierType.Bsn])
        {
            Records = InMemorySource.ValidBsns(10_000),
            FailAfter = 5_000,
            Failure = new SourceReadException("broken", "Source 'broken' has no column 'bsn'. Correct Agent:Sources:1:Identifiers."),
        };

        var failure = await Assert.ThrowsAsync<IndexLoadException>(() => CreateLoader(good, broken).LoadAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Source 'broken' has no column 'bsn'. Correct Agent:Sources:1:Identifiers.", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_UnexpectedException_NamesSourceAndTypeOnly()
    {
        var broken = new InMemorySource("broken", [IdentifierType.Bsn])
        {
            Records = InMemorySource.ValidBsns(10),
            FailAfter = 3,
            Failure = new InvalidDataException("row 4 holds 123456782"),
        };

        var failure = await Assert.ThrowsAsync<IndexLoadException>(() => CreateLoader(broken).LoadAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'broken'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidDataException), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123456782", failure.Message, StringComparison.Ordinal);
        Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task LoadAsync_UnbalancedImportReport_FailsLoad()
    {
        var source = new InMemorySource("unbalanced", [IdentifierType.Bsn]) { Records = InMemorySource.ValidBsns(10), UncountedRows = 2 };

        var failure = await Assert.ThrowsAsync<IndexLoadException>(() => CreateLoader(source).LoadAsync(TestContext.Current.CancellationToken));

        Assert.Contains("does not balance", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_Cancelled_ThrowsOperationCanceled()
    {
        var source = new InMemorySource("slow", [IdentifierType.Bsn])
        {
            Records = InMemorySource.ValidBsns(10),
            BeforeReading = token => Task.Delay(Timeout.Infinite, token),
        };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateLoader(source).LoadAsync(cancellation.Token));
    }

    [Fact]
    public async Task LoadAsync_Succeeded_LogsCountsWithoutValues()
    {
        var source = new InMemorySource("bsn", [IdentifierType.Bsn]) { Records = [InMemorySource.Bsn(1, "123456782")] };

        await CreateLoader(source).LoadAsync(TestContext.Current.CancellationToken);

        var built = Assert.Single(_logger.Entries, entry => entry.EventId.Name == "IndexBuilt");
        Assert.Contains("1 distinct tokens", built.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Message.Contains("123456782", StringComparison.Ordinal));
    }

    private IndexLoader CreateLoader(params IDepartmentSource[] sources) =>
        new(new AgentSources(sources), _tokenizer, new FakeTimeProvider(), _logger);
}
