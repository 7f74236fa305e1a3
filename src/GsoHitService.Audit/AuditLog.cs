using GsoHitService.Audit.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GsoHitService.Audit;

/// <summary>
/// An append-only, hash-chained audit log in a JSON-lines file. Each entry carries the SHA-256
/// hash of the previous one, so a changed, inserted, deleted or reordered line breaks the chain
/// (see <see cref="AuditLogVerifier"/>).
/// </summary>
/// <remarks>
/// <para>
/// Appends are thread-safe and reach the disk (fsync) before <see cref="Append"/> returns. A
/// failed write is cut back off the file, so the chain stays intact. Reopening a file continues
/// its chain from the last entry. A file whose last line is damaged is rejected, because
/// appending after it would hide the damage behind valid-looking entries.
/// </para>
/// <para>
/// Entry times never go backwards: when the clock steps back, an entry gets the previous entry's
/// time.
/// </para>
/// </remarks>
public sealed class AuditLog : IDisposable
{
    private readonly FileStream _stream;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _length;
    private long _lastSequence;
    private string _lastHash;
    private DateTimeOffset _lastTime;
    private bool _unusable;
    private bool _disposed;

    private AuditLog(string path, FileStream stream, AuditRecord? last, TimeProvider timeProvider, ILogger logger)
    {
        Path = path;
        _stream = stream;
        _length = stream.Length;
        _timeProvider = timeProvider;
        _logger = logger;
        _lastSequence = last?.Sequence ?? 0;
        _lastHash = last?.Hash ?? AuditRecord.GenesisHash;
        _lastTime = last?.Timestamp ?? DateTimeOffset.MinValue;
    }

    /// <summary>The log file's full path.</summary>
    public string Path { get; }

    /// <summary>The sequence number of the last entry, 0 for an empty log.</summary>
    public long LastSequence => Volatile.Read(ref _lastSequence);

    /// <summary>
    /// Opens the log at <paramref name="path"/>, creating an empty one when the file does not
    /// exist, and reads its last entry to continue the chain. Other processes may read the file
    /// while it is open, but not write it.
    /// </summary>
    /// <param name="path">The log file; its folder must exist.</param>
    /// <param name="timeProvider">The clock for entry times. Default: the system clock.</param>
    /// <param name="logger">Where to log opening and write failures. Default: nowhere.</param>
    /// <exception cref="AuditLogException">The last line is damaged, or the file cannot be opened.</exception>
    public static AuditLog Open(string path, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = System.IO.Path.GetFullPath(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
        };

        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(fullPath, options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AuditLogException($"Audit log {fullPath} cannot be opened for appending: {exception.Message}", exception);
        }

        try
        {
            var last = ReadLastRecord(stream, fullPath);
            var log = new AuditLog(fullPath, stream, last, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
            AuditLogMessages.Opened(log._logger, fullPath, log._lastSequence);
            return log;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends an entry and returns it as stored, after it reached the disk.
    /// </summary>
    /// <exception cref="ArgumentException">A field of <paramref name="entry"/> breaks a rule; the message names it.</exception>
    /// <exception cref="AuditLogException">The write failed; the entry is not in the log.</exception>
    /// <exception cref="ObjectDisposedException">The log was disposed.</exception>
    public AuditRecord Append(AuditEntry entry)
    {
        var checkedEntry = Prepare(entry);
        _gate.Wait();
        try
        {
            return AppendLocked(checkedEntry);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Appends an entry and returns it as stored, after it reached the disk. Waiting for other
    /// appends does not block a thread; the write and fsync themselves are synchronous.
    /// </summary>
    /// <exception cref="ArgumentException">A field of <paramref name="entry"/> breaks a rule; the message names it.</exception>
    /// <exception cref="AuditLogException">The write failed; the entry is not in the log.</exception>
    public async ValueTask<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var checkedEntry = Prepare(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AppendLocked(checkedEntry);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Appends several entries in order with one write and one flush to disk, and returns them as
    /// stored. Either all of them are in the log afterwards or none is.
    /// </summary>
    /// <exception cref="ArgumentException">A field of an entry breaks a rule; the message names it, and nothing is written.</exception>
    /// <exception cref="AuditLogException">The write failed; none of the entries is in the log.</exception>
    public async ValueTask<IReadOnlyList<AuditRecord>> AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);

        var checkedEntries = entries.Select(Prepare).ToArray();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AppendAllLocked(checkedEntries);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static AuditEntry Prepare(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        var problem = AuditRecordCodec.FindProblem(entry);
        if (problem is not null)
        {
            throw new ArgumentException($"The audit entry cannot be logged: {problem}.", nameof(entry));
        }

        // A copy, so that a caller changing its field list later cannot change what was hashed.
        return entry with { Fields = [.. entry.Fields] };
    }

    private AuditRecord AppendLocked(AuditEntry entry)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_unusable)
        {
            throw new AuditLogException($"Audit log {Path} rejects entries because a failed write could not be undone. Check the disk, run 'gso audit verify {Path}' and restart the service.");
        }

        var now = _timeProvider.GetUtcNow();
        var timestamp = now < _lastTime ? _lastTime : now;
        var sequence = _lastSequence + 1;
        var hash = AuditRecordCodec.ComputeHash(sequence, timestamp, entry, _lastHash);
        var record = new AuditRecord(sequence, timestamp, entry, _lastHash, hash);

        var json = AuditRecordCodec.Serialize(record);
        if (json.Length > AuditRecordCodec.MaxLineBytes)
        {
            throw new ArgumentException($"The audit entry is {json.Length} bytes as JSON, more than the {AuditRecordCodec.MaxLineBytes} allowed.", nameof(entry));
        }

        Write([.. json, (byte)'\n'], sequence);

        _length += json.Length + 1;
        _lastHash = hash;
        _lastTime = timestamp;
        Volatile.Write(ref _lastSequence, sequence);
        return record;
    }

    private AuditRecord[] AppendAllLocked(AuditEntry[] entries)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_unusable)
        {
            throw new AuditLogException($"Audit log {Path} rejects entries because a failed write could not be undone. Check the disk, run 'gso audit verify {Path}' and restart the service.");
        }

        if (entries.Length == 0)
        {
            return [];
        }

        // The chain is computed on local copies and taken over only once the lines are on disk.
        var now = _timeProvider.GetUtcNow();
        var timestamp = now < _lastTime ? _lastTime : now;
        var sequence = _lastSequence;
        var previousHash = _lastHash;
        var records = new AuditRecord[entries.Length];
        var lines = new List<byte>();
        for (var i = 0; i < entries.Length; i++)
        {
            sequence++;
            var hash = AuditRecordCodec.ComputeHash(sequence, timestamp, entries[i], previousHash);
            records[i] = new AuditRecord(sequence, timestamp, entries[i], previousHash, hash);

            var json = AuditRecordCodec.Serialize(records[i]);
            if (json.Length > AuditRecordCodec.MaxLineBytes)
            {
                throw new ArgumentException($"Audit entry {i} is {json.Length} bytes as JSON, more than the {AuditRecordCodec.MaxLineBytes} allowed.", nameof(entries));
            }

            lines.AddRange(json);
            lines.Add((byte)'\n');
            previousHash = hash;
        }

        Write([.. lines], records[0].Sequence);

        _length += lines.Count;
        _lastHash = previousHash;
        _lastTime = timestamp;
        Volatile.Write(ref _lastSequence, sequence);
        return records;
    }

    private void Write(byte[] line, long sequence)
    {
        try
        {
            _stream.Position = _length;
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException exception)
        {
            AuditLogMessages.AppendFailed(_logger, sequence, Path, exception);
            RemovePartialLine();
            throw new AuditLogException($"Writing entry {sequence} to audit log {Path} failed: {exception.Message}", exception);
        }
    }

    private void RemovePartialLine()
    {
        try
        {
            _stream.SetLength(_length);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException exception)
        {
            _unusable = true;
            AuditLogMessages.Unusable(_logger, Path, exception);
        }
    }

    private static AuditRecord? ReadLastRecord(FileStream stream, string path)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return null;
        }

        var tailLength = (int)Math.Min(length, AuditRecordCodec.MaxLineBytes + 2);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);

        if (tail[^1] != (byte)'\n')
        {
            throw Damaged(path, "its last line has no line end, so the file was cut off or a write was interrupted");
        }

        var start = Array.LastIndexOf(tail, (byte)'\n', tail.Length - 2) + 1;
        if (start == 0 && tailLength < length)
        {
            throw Damaged(path, $"its last line is longer than {AuditRecordCodec.MaxLineBytes} bytes");
        }

        var line = tail.AsMemory(start, tail.Length - 1 - start);
        if (AuditRecordCodec.TryParse(line, out var record) is { } problem)
        {
            throw Damaged(path, $"its last line is not a valid entry ({problem.Detail})");
        }

        return record;
    }

    private static AuditLogException Damaged(string path, string problem) => new(
        $"Audit log {path} is not appended to because {problem}. Run 'gso audit verify {path}' to find the damage, " +
        "keep the file as evidence, and start a new log under another name.");
}
