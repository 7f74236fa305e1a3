using System.Diagnostics;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Reads every configured source and builds a new index from their identifiers. Either all
/// sources load or the whole load fails: a half-built index would answer "no hit" for records
/// that were never read.
/// </summary>
internal sealed partial class IndexLoader(
    AgentSources sources,
    MatchTokenizer tokenizer,
    TimeProvider timeProvider,
    ILogger<IndexLoader> logger)
{
    /// <summary>Loads all sources into a new index.</summary>
    /// <exception cref="IndexLoadException">A source failed or its import report does not balance.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<LoadedIndex> LoadAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var builder = new TokenIndexBuilder();
        var reports = new List<ImportReport>(sources.Sources.Count);

        foreach (var source in sources.Sources)
        {
            var report = new ImportReport(source.Name);
            await ReadSourceAsync(source, report, builder, cancellationToken);
            // The source logs its import report (rows read, indexed and rejected per reason) itself.
            CheckBalance(report);
            reports.Add(report);
        }

        var index = builder.Build();
        var duration = Stopwatch.GetElapsedTime(started);
        Log.IndexBuilt(logger, index.Count, index.MemoryBytes, duration.TotalMilliseconds);

        return new LoadedIndex(index, timeProvider.GetUtcNow(), duration, reports);
    }

    private async Task ReadSourceAsync(IDepartmentSource source, ImportReport report, TokenIndexBuilder builder, CancellationToken cancellationToken)
    {
        await using var pipeline = new TokenizingPipeline(tokenizer, builder, Environment.ProcessorCount, cancellationToken);
        try
        {
            await foreach (var record in source.ReadAsync(report, includeReleasableFields: false, cancellationToken))
            {
                foreach (var identifier in record.Identifiers)
                {
                    await pipeline.AddAsync(identifier);
                }
            }

            await pipeline.CompleteAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SourceReadException exception)
        {
            throw new IndexLoadException(exception.Message, exception);
        }
        catch (Exception exception)
        {
            // Any failure of any source fails the whole load. The log keeps the exception, while
            // the reason that leaves the agent names only the source and the kind of failure.
            Log.SourceFailed(logger, source.Name, exception);
            throw new IndexLoadException(
                $"Reading source '{source.Name}' failed with {exception.GetType().Name}; the agent log has the details.",
                exception);
        }
    }

    private static void CheckBalance(ImportReport report)
    {
        if (!report.IsBalanced)
        {
            throw new IndexLoadException(
                $"The import report of source '{report.SourceName}' does not balance: {report.RowsRead} rows read, " +
                $"{report.RowsIndexed} indexed and {report.RowsRejected} rejected. The load was discarded.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1104, EventName = "IndexBuilt", Level = LogLevel.Information,
            Message = "Index built: {TokenCount} distinct tokens, {MemoryBytes} bytes, in {DurationMs:F0} ms")]
        public static partial void IndexBuilt(ILogger logger, int tokenCount, long memoryBytes, double durationMs);

        [LoggerMessage(EventId = 1105, EventName = "SourceFailed", Level = LogLevel.Error,
            Message = "Reading source {SourceName} failed")]
        public static partial void SourceFailed(ILogger logger, string sourceName, Exception exception);
    }
}
