using System.Globalization;
using System.Text;
using GsoHitService.Decisions.Internal;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Decisions;

/// <summary>
/// The decisions already used at this department, kept until they expire: in memory for the
/// check, and in an append-only file so that a restart does not make a used decision usable again.
/// </summary>
/// <remarks>
/// <para>
/// Designed for one agent process. <see cref="Open"/> takes an exclusive lock on
/// <c>&lt;path&gt;.lock</c> for the lifetime of the object, so a second process (or a second
/// instance in the same process) that opens the same record fails instead of sharing it unsafely.
/// </para>
/// <para>
/// File format: the line <c>gso-decision-uses 1</c>, then one line per use: decision id, end of
/// validity and time of use (both Unix seconds), separated by single spaces. A use is written and
/// flushed to disk before <see cref="TryRecordUse(string, DateTimeOffset)"/> returns, or before the
/// task of the other overload completes. A caller whose own durable record also shows each use can
/// open the record without a flush per use and call <see cref="Restore"/> at every start. At
/// <see cref="Open"/> the file is compacted: expired entries are dropped and the rest is written to
/// a temporary file that replaces the record in one rename. A last line without its line end (a
/// write cut off by a crash, whose reply was never sent) is dropped with a warning; any other
/// damaged line stops the open.
/// </para>
/// </remarks>
public sealed class DecisionUseRecord : IDisposable
{
    private const string Header = "gso-decision-uses 1";

    private readonly Lock _gate = new();
    private readonly MemoryCache _used;
    private readonly FileStream _lock;
    private readonly FileStream _append;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DecisionUseRecord> _logger;
    private readonly string _path;
    private readonly bool _flushEachUse;
    private bool _faulted;
    private bool _disposed;

    private DecisionUseRecord(string path, FileStream lockStream, FileStream append, MemoryCache used, bool flushEachUse, TimeProvider timeProvider, ILogger<DecisionUseRecord> logger)
    {
        _path = path;
        _flushEachUse = flushEachUse;
        _lock = lockStream;
        _append = append;
        _used = used;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Number of recorded uses that have not expired.</summary>
    public int ActiveCount => _used.Count;

    /// <summary>
    /// Opens (or creates) the record at <paramref name="path"/>, loads the uses that have not
    /// expired and compacts the file.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process or instance has the record open.</exception>
    /// <exception cref="InvalidDataException">The file is damaged; the message names the line and what to do.</exception>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    /// <param name="path">The record's file; its folder must exist.</param>
    /// <param name="timeProvider">The clock for expiry and times of use.</param>
    /// <param name="logger">Where to log opening, restores and write failures.</param>
    /// <param name="flushEachUse">
    /// Whether each use is flushed to disk (the default). Pass false only when another record that
    /// reaches the disk before each reply also shows every use, and <see cref="Restore"/> reads it
    /// back at every start. The record is then flushed when it is disposed.
    /// </param>
    public static DecisionUseRecord Open(string path, TimeProvider timeProvider, ILogger<DecisionUseRecord> logger, bool flushEachUse = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        path = Path.GetFullPath(path);
        var lockStream = AcquireLock(path);
        try
        {
            var now = timeProvider.GetUtcNow();
            var (active, expiredCount) = Load(path, now, logger);
            Compact(path, active);

            var appendOptions = OwnerOnlyFile.CreateNewOptions(FileMode.Append);
            appendOptions.Share = FileShare.Read;
            var append = new FileStream(path, appendOptions);

            var used = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(timeProvider) });
            foreach (var entry in active)
            {
                used.Set(entry.DecisionId, entry, CreateEntryOptions(entry.ValidUntil));
            }

            Log.UseRecordOpened(logger, path, active.Count, expiredCount);
            return new DecisionUseRecord(path, lockStream, append, used, flushEachUse, timeProvider, logger);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>Returns whether the decision was used before and has not expired.</summary>
    public bool HasBeenUsed(string decisionId) => _used.TryGetValue(decisionId, out _);

    /// <summary>
    /// Records the use of a decision, unless it was used before. The entry is on disk when this
    /// returns true.
    /// </summary>
    /// <param name="decisionId">Id of the decision (printable ASCII without spaces).</param>
    /// <param name="validUntil">End of the decision's validity; the entry is kept until then.</param>
    /// <returns>True when this is the first use; false when the decision was used before.</returns>
    /// <exception cref="IOException">The use could not be written. The record then rejects every later use until the agent restarts, and the caller must not reply.</exception>
    public bool TryRecordUse(string decisionId, DateTimeOffset validUntil)
    {
        if (!TryRecordUse(decisionId, validUntil, out var onDisk))
        {
            return false;
        }

        onDisk.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>
    /// Records the use of a decision, unless it was used before, and starts flushing it to disk
    /// without waiting, so that the caller can do other work (such as its own audit write) while
    /// the disk catches up. From the moment this returns true, the decision counts as used.
    /// </summary>
    /// <param name="decisionId">Id of the decision (printable ASCII without spaces).</param>
    /// <param name="validUntil">End of the decision's validity; the entry is kept until then.</param>
    /// <param name="onDisk">
    /// Completes when the entry is on disk; faults with an <see cref="IOException"/> when it cannot be
    /// flushed. The caller must wait for it before it replies. A record opened without a flush per
    /// use returns a completed task.
    /// </param>
    /// <returns>True when this is the first use; false when the decision was used before.</returns>
    /// <exception cref="IOException">The use could not be written. The record then rejects every later use until the agent restarts, and the caller must not reply.</exception>
    public bool TryRecordUse(string decisionId, DateTimeOffset validUntil, out Task onDisk)
    {
        var idProblem = TextRules.CheckId(decisionId);
        if (idProblem is not null)
        {
            throw new ArgumentException($"The decision id {idProblem}.", nameof(decisionId));
        }

        lock (_gate)
        {
            if (_faulted)
            {
                throw new IOException($"The decision use record {_path} failed to write earlier; restart the agent.");
            }

            if (_used.TryGetValue(decisionId, out _))
            {
                onDisk = Task.CompletedTask;
                return false;
            }

            var entry = new UseEntry(decisionId, validUntil, _timeProvider.GetUtcNow());
            try
            {
                _append.Write(Encoding.ASCII.GetBytes(entry.ToLine() + "\n"));
                _append.Flush(flushToDisk: false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw Fault(decisionId, exception);
            }

            _used.Set(decisionId, entry, CreateEntryOptions(validUntil));
            onDisk = _flushEachUse ? FlushToDiskAsync(decisionId) : Task.CompletedTask;
            return true;
        }
    }

    /// <summary>
    /// Marks decisions as used that another durable record shows, such as the agent's audit log,
    /// and returns how many of them this record did not have yet. They are kept in memory only and
    /// never expire, because their end of validity is unknown. The caller restores them at every start.
    /// </summary>
    /// <param name="decisionIds">Ids of used decisions (printable ASCII without spaces); repeats are allowed.</param>
    /// <param name="source">The record they come from, for the log line, such as the audit log's path.</param>
    /// <exception cref="ArgumentException">An id breaks the rules for decision ids.</exception>
    public int Restore(IEnumerable<string> decisionIds, string source)
    {
        ArgumentNullException.ThrowIfNull(decisionIds);

        var restored = 0;
        foreach (var decisionId in decisionIds)
        {
            var idProblem = TextRules.CheckId(decisionId);
            if (idProblem is not null)
            {
                throw new ArgumentException($"The decision id {idProblem}.", nameof(decisionIds));
            }

            lock (_gate)
            {
                if (!_used.TryGetValue(decisionId, out _))
                {
                    var entry = new UseEntry(decisionId, DateTimeOffset.MaxValue, _timeProvider.GetUtcNow());
                    _used.Set(decisionId, entry, new MemoryCacheEntryOptions { Priority = CacheItemPriority.NeverRemove });
                    restored++;
                }
            }
        }

        Log.UsesRestored(_logger, _path, restored, source);
        return restored;
    }

    /// <summary>
    /// Flushes everything written so far to disk. Flushes of concurrent uses may run at the same
    /// time. Each covers at least its own entry, because the entry reached the file before it started.
    /// </summary>
    private Task FlushToDiskAsync(string decisionId) => Task.Run(() =>
    {
        try
        {
            RandomAccess.FlushToDisk(_append.SafeFileHandle);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                throw Fault(decisionId, exception);
            }
        }
    });

    /// <summary>Marks the record as failed (caller holds the lock) and describes the failure.</summary>
    private IOException Fault(string decisionId, Exception exception)
    {
        // A partly written line must stay the last line of the file, because the next open drops
        // only a damaged last line. So nothing more is appended in this process.
        _faulted = true;
        Log.UseRecordWriteFailed(_logger, _path, decisionId, exception);
        return new IOException($"The use of decision {decisionId} could not be written to {_path}.", exception);
    }

    /// <summary>Flushes the file when uses were not flushed one by one, closes it and releases the lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_flushEachUse && !_faulted)
            {
                try
                {
                    RandomAccess.FlushToDisk(_append.SafeFileHandle);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // The uses are also in the caller's own record, which restores them at the next start.
                    Log.UseRecordCloseFlushFailed(_logger, _path, exception);
                }
            }

            _append.Dispose();
            _used.Dispose();
            _lock.Dispose();
        }
    }

    private static MemoryCacheEntryOptions CreateEntryOptions(DateTimeOffset validUntil) => new()
    {
        AbsoluteExpiration = validUntil,

        // An evicted entry would make a used decision usable again.
        Priority = CacheItemPriority.NeverRemove,
    };

    private static FileStream AcquireLock(string path)
    {
        var options = OwnerOnlyFile.CreateNewOptions(FileMode.OpenOrCreate);
        options.Access = FileAccess.ReadWrite;
        try
        {
            return new FileStream(path + ".lock", options);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidOperationException($"The decision use record {path} is in use by another agent process. One agent process per data folder is supported; stop the other process.", exception);
        }
    }

    private static (List<UseEntry> Active, int ExpiredCount) Load(string path, DateTimeOffset now, ILogger logger)
    {
        var active = new List<UseEntry>();
        if (!File.Exists(path))
        {
            return (active, 0);
        }

        var text = File.ReadAllText(path, Encoding.ASCII);
        var lines = text.Split('\n');
        if (lines[0] != Header)
        {
            throw Damaged(path, 1, $"the first line is not '{Header}'");
        }

        // Split leaves an empty last element when the file ends with a line end; anything else
        // there is a line that a crash cut off.
        var last = lines.Length - 1;
        if (lines[last].Length > 0)
        {
            Log.TornLineDropped(logger, path, last + 1);
        }

        var expiredCount = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < last; i++)
        {
            var entry = UseEntry.Parse(lines[i]) ?? throw Damaged(path, i + 1, "the line is not 'decision-id valid-until used-at'");
            if (entry.ValidUntil <= now)
            {
                expiredCount++;
            }
            else if (ids.Add(entry.DecisionId))
            {
                active.Add(entry);
            }
        }

        return (active, expiredCount);
    }

    private static void Compact(string path, List<UseEntry> active)
    {
        var builder = new StringBuilder(Header).Append('\n');
        foreach (var entry in active)
        {
            builder.Append(entry.ToLine()).Append('\n');
        }

        var temporaryPath = path + ".tmp";
        File.Delete(temporaryPath);
        using (var stream = new FileStream(temporaryPath, OwnerOnlyFile.CreateNewOptions()))
        {
            stream.Write(Encoding.ASCII.GetBytes(builder.ToString()));
            stream.Flush(flushToDisk: true);
        }

        // NOTE: the folder is not fsynced after the rename, because .NET has no API for it. A power
        // cut right after a compaction may bring back the previous file, which has the same uses
        // plus expired ones.
        File.Move(temporaryPath, path, overwrite: true);
    }

    private static InvalidDataException Damaged(string path, int lineNumber, string problem) =>
        new($"The decision use record {path} is damaged at line {lineNumber}: {problem}. Restore the file from a backup. Deleting it would let decisions that were already used here be used again until they expire.");

    private sealed record UseEntry(string DecisionId, DateTimeOffset ValidUntil, DateTimeOffset UsedAt)
    {
        public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{DecisionId} {ValidUntil.ToUnixTimeSeconds()} {UsedAt.ToUnixTimeSeconds()}");

        public static UseEntry? Parse(string line)
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || TextRules.CheckId(parts[0]) is not null
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var validUntil)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var usedAt)
                || validUntil > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || usedAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return null;
            }

            return new UseEntry(parts[0], DateTimeOffset.FromUnixTimeSeconds(validUntil), DateTimeOffset.FromUnixTimeSeconds(usedAt));
        }
    }
}
