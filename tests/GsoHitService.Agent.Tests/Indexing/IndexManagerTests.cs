using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Sources;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Agent.Tests.Indexing;

public sealed class IndexManagerTests : IAsyncDisposable
{
    private readonly MatchingKey _key = MatchingKey.Generate("2026-01");
    private readonly MatchTokenizer _tokenizer;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySource _source = new("personen", [IdentifierType.Bsn]) { Records = [InMemorySource.Bsn(1, "123456782")] };
    private readonly AgentOptions _options = new()
    {
        Index = { RefreshInterval = TimeSpan.FromHours(1), MaxAge = TimeSpan.FromHours(3), LoadTimeout = TimeSpan.FromMinutes(10), WatchSourceFiles = false },
    };

    private IndexManager? _manager;

    public IndexManagerTests() => _tokenizer = new MatchTokenizer(_key);

    public async ValueTask DisposeAsync()
    {
        if (_manager is not null)
        {
            await _manager.StopAsync(CancellationToken.None);
            _manager.Dispose();
        }

        _tokenizer.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Current_DuringFirstLoad_IsLoadingWithoutIndex()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.BeforeReading = token => gate.Task.WaitAsync(token);

        await StartAsync();
        var status = Manager.Current;
        gate.SetResult();

        Assert.Equal(IndexState.Loading, status.State);
        Assert.Null(status.Index);
        Assert.NotNull(status.UnavailableReason);
        Assert.Null(status.LastSuccessfulLoad);
    }

    [Fact]
    public async Task Current_AfterFirstLoad_IsReadyWithIndex()
    {
        await StartAsync();
        await WaitForLoadsAsync(1);

        var status = Manager.Current;

        Assert.Equal(IndexState.Ready, status.State);
        Assert.Equal(1, status.TokenCount);
        Assert.True(status.Index!.Contains(Token("123456782")));
        Assert.Equal(_time.GetUtcNow(), status.LastSuccessfulLoad);
        Assert.Null(status.UnavailableReason);
    }

    [Fact]
    public async Task Current_AfterFailedLoad_IsFailedWithReason()
    {
        _source.Failure = new SourceReadException("personen", "Source 'personen' cannot be read: the file is not valid UTF-8.");

        await StartAsync();
        await WaitForLoadsAsync(1);
        var status = Manager.Current;

        Assert.Equal(IndexState.Failed, status.State);
        Assert.Null(status.Index);
        Assert.Equal("Source 'personen' cannot be read: the file is not valid UTF-8.", status.UnavailableReason);
    }

    [Fact]
    public async Task RequestReload_SourceChanged_SwapsInNewIndexAndKeepsOldSnapshot()
    {
        await StartAsync();
        await WaitForLoadsAsync(1);
        var before = Manager.Current;

        _source.Records = [InMemorySource.Bsn(1, "111222333")];
        _time.Advance(TimeSpan.FromMinutes(5));
        Manager.RequestReload(ReloadTrigger.Request);
        await WaitForLoadsAsync(2);
        var after = Manager.Current;

        Assert.True(before.Index!.Contains(Token("123456782")));
        Assert.False(after.Index!.Contains(Token("123456782")));
        Assert.True(after.Index.Contains(Token("111222333")));
        Assert.True(after.LastSuccessfulLoad > before.LastSuccessfulLoad);
    }

    [Fact]
    public async Task RequestReload_ThatFails_DropsPreviousIndex()
    {
        await StartAsync();
        await WaitForLoadsAsync(1);
        var loadedAt = Manager.Current.LastSuccessfulLoad;

        _source.Failure = new SourceReadException("personen", "Source 'personen' has no column 'bsn'.");
        Manager.RequestReload(ReloadTrigger.Request);
        await WaitForLoadsAsync(2);
        var status = Manager.Current;

        Assert.Equal(IndexState.Failed, status.State);
        Assert.Null(status.Index);
        Assert.Equal(loadedAt, status.LastSuccessfulLoad);
    }

    [Fact]
    public async Task RefreshInterval_Passed_ReloadsSources()
    {
        await StartAsync();
        await WaitForLoadsAsync(1);

        _time.Advance(_options.Index.RefreshInterval);
        await WaitForLoadsAsync(2);

        Assert.Equal(2, _source.ReadCount);
    }

    [Fact]
    public async Task Current_IndexOlderThanMaxAge_IsStaleWithoutIndex()
    {
        await StartAsync();
        await WaitForLoadsAsync(1);
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.BeforeReading = token => hung.Task.WaitAsync(token);

        _time.Advance(_options.Index.MaxAge + TimeSpan.FromMinutes(1));
        var status = Manager.Current;
        hung.SetResult();

        Assert.Equal(IndexState.Stale, status.State);
        Assert.Null(status.Index);
        Assert.Contains("Agent:Index:MaxAge", status.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadTimeout_Passed_FailsLoad()
    {
        _source.BeforeReading = token => Task.Delay(Timeout.InfiniteTimeSpan, token);

        await StartAsync();
        await WaitUntilAsync(() => _source.ReadCount == 1);
        _time.Advance(_options.Index.LoadTimeout);
        await WaitForLoadsAsync(1);
        var status = Manager.Current;

        Assert.Equal(IndexState.Failed, status.State);
        Assert.Contains("Agent:Index:LoadTimeout", status.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceFileChanged_ReloadsAfterQuietDelay()
    {
        using var folder = new TempDirectory();
        var file = folder.WriteFile("personen.csv", "bsn\n123456782\n");
        var watched = new InMemorySource("personen", [IdentifierType.Bsn]) { Records = _source.Records, WatchedFiles = [file] };
        _options.Index.WatchSourceFiles = true;
        _options.Index.FileChangeDelay = TimeSpan.FromMilliseconds(100);

        await StartAsync(watched, TimeProvider.System);
        await WaitForLoadsAsync(1);
        await File.AppendAllTextAsync(file, "111222333\n", TestContext.Current.CancellationToken);
        await WaitForLoadsAsync(2);

        Assert.Equal(2, watched.ReadCount);
    }

    private IndexManager Manager => _manager ?? throw new InvalidOperationException("Start the manager first.");

    private async Task StartAsync(IDepartmentSource? source = null, TimeProvider? timeProvider = null)
    {
        var sources = new AgentSources([source ?? _source]);
        var time = timeProvider ?? _time;
        var loader = new IndexLoader(sources, _tokenizer, time, new ListLogger<IndexLoader>());
        _manager = new IndexManager(loader, sources, Options.Create(_options), time, new ListLogger<IndexManager>());
        await _manager.StartAsync(TestContext.Current.CancellationToken);
    }

    private Task WaitForLoadsAsync(long count) => WaitUntilAsync(() => Manager.CompletedLoads >= count);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private MatchToken Token(string bsn) => _tokenizer.ComputeToken(IdentifierNormalizer.Normalize(IdentifierType.Bsn, bsn));
}
