using System.Threading.Channels;
using GsoHitService.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Owns the agent's index: loads it at start-up, reloads it on a schedule and when a source file
/// changes, and publishes an immutable <see cref="IndexStatus"/>. A new index is built aside while
/// the previous one keeps answering, then swapped in with one reference write. A failed load
/// drops the previous index, so that queries are answered unavailable rather than from data that
/// the operator knows to be in doubt.
/// </summary>
internal sealed partial class IndexManager(
    IndexLoader loader,
    AgentSources sources,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILogger<IndexManager> logger)
    : BackgroundService, IIndexStatusSource
{
    // One pending request is enough: a reload that starts later reads the sources as they are then.
    private readonly Channel<ReloadTrigger> _reloadRequests = Channel.CreateBounded<ReloadTrigger>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private volatile IndexStatus _status = IndexStatus.FirstLoadRunning;
    private long _completedLoads;

    /// <summary>Raised after every load, successful or not, with the new status.</summary>
    public event Action<IndexStatus>? LoadCompleted;

    /// <summary>The current status; a loaded index past its maximum age is reported stale and without index.</summary>
    public IndexStatus Current => _status.AsOf(timeProvider.GetUtcNow(), options.Value.Index.MaxAge);

    /// <summary>Number of loads that have finished, successful or not.</summary>
    public long CompletedLoads => Interlocked.Read(ref _completedLoads);

    /// <summary>Asks for a reload; requests made while one is already waiting are merged.</summary>
    public void RequestReload(ReloadTrigger trigger) => _reloadRequests.Writer.TryWrite(trigger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var indexOptions = options.Value.Index;
        using var scheduleTimer = timeProvider.CreateTimer(
            _ => RequestReload(ReloadTrigger.Schedule), null, indexOptions.RefreshInterval, indexOptions.RefreshInterval);
        using var fileWatcher = StartFileWatcher(indexOptions);

        var trigger = ReloadTrigger.StartUp;
        while (!stoppingToken.IsCancellationRequested)
        {
            await LoadAsync(trigger, stoppingToken);
            trigger = await _reloadRequests.Reader.ReadAsync(stoppingToken);
        }
    }

    private SourceFileWatcher? StartFileWatcher(AgentIndexOptions indexOptions)
    {
        if (!indexOptions.WatchSourceFiles || sources.WatchedFiles.Count == 0)
        {
            return null;
        }

        var watcher = new SourceFileWatcher(
            sources.WatchedFiles, indexOptions.FileChangeDelay, timeProvider, () => RequestReload(ReloadTrigger.SourceFileChanged));
        Log.WatchingSourceFiles(logger, sources.WatchedFiles.Count, watcher.WatchedFolderCount);
        return watcher;
    }

    private async Task LoadAsync(ReloadTrigger trigger, CancellationToken stoppingToken)
    {
        var loadTimeout = options.Value.Index.LoadTimeout;
        Log.LoadStarted(logger, trigger);

        using var timeout = new CancellationTokenSource(loadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        IndexStatus next;
        try
        {
            var loaded = await loader.LoadAsync(linked.Token);
            next = IndexStatus.Loaded(loaded.Index, loaded.LoadedAt);
            Log.LoadSucceeded(logger, loaded.Index.Count, loaded.Duration.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            next = Fail($"The index load took longer than {loadTimeout} (Agent:Index:LoadTimeout) and was cancelled.");
        }
        catch (IndexLoadException exception)
        {
            next = Fail(exception.Message);
        }
        catch (Exception exception)
        {
            // A defect in the agent itself; the reason stays generic, the log keeps the exception.
            Log.LoadCrashed(logger, exception);
            next = Fail($"The index load failed with {exception.GetType().Name}; the agent log has the details.");
        }

        _status = next;
        Interlocked.Increment(ref _completedLoads);
        LoadCompleted?.Invoke(next);
    }

    private IndexStatus Fail(string reason)
    {
        Log.LoadFailed(logger, reason);
        return IndexStatus.LoadFailed(reason, _status.LastSuccessfulLoad);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, EventName = "IndexLoadStarted", Level = LogLevel.Information,
            Message = "Index load started ({Trigger})")]
        public static partial void LoadStarted(ILogger logger, ReloadTrigger trigger);

        [LoggerMessage(EventId = 1002, EventName = "IndexLoadSucceeded", Level = LogLevel.Information,
            Message = "Index load succeeded: {TokenCount} tokens in {DurationMs:F0} ms; the new index answers from now on")]
        public static partial void LoadSucceeded(ILogger logger, int tokenCount, double durationMs);

        [LoggerMessage(EventId = 1003, EventName = "IndexLoadFailed", Level = LogLevel.Error,
            Message = "Index load failed; queries are answered unavailable until a load succeeds: {Reason}")]
        public static partial void LoadFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 1004, EventName = "IndexLoadCrashed", Level = LogLevel.Error,
            Message = "Index load failed with an unexpected exception")]
        public static partial void LoadCrashed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 1005, EventName = "WatchingSourceFiles", Level = LogLevel.Information,
            Message = "Watching {FileCount} source files in {FolderCount} folders for changes")]
        public static partial void WatchingSourceFiles(ILogger logger, int fileCount, int folderCount);
    }
}
