using GsoHitService.Audit.Internal;

namespace GsoHitService.Audit;

/// <summary>
/// Reads the entries of an audit log, for a service that restores state from its own log at
/// start-up. It does not check the hash chain, because <see cref="AuditLogVerifier"/> does that.
/// </summary>
public static class AuditLogReader
{
    /// <summary>
    /// Reads the entries of the log at <paramref name="path"/>, oldest first. A missing file has no
    /// entries. A last line without its line end is skipped: a crash cut off that write, so the
    /// action it describes never completed.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not a valid entry; the message names the line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<AuditRecord> ReadRecords(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        return File.Exists(path) ? Read(path, cancellationToken) : [];
    }

    private static IEnumerable<AuditRecord> Read(string path, CancellationToken cancellationToken)
    {
        // Shared for writing too, because the service may have the log open already.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        foreach (var line in AuditLogLines.Read(stream, cancellationToken))
        {
            if (!line.IsTerminated)
            {
                yield break;
            }

            AuditRecord? record = null;
            var problem = line.IsTooLong
                ? $"it is longer than {AuditRecordCodec.MaxLineBytes} bytes"
                : AuditRecordCodec.TryParse(line.Content, out record)?.Detail;
            if (problem is not null)
            {
                throw new InvalidDataException(
                    $"Audit log {path} is damaged at line {line.Number}: {problem}. Check it with 'gso audit verify' and restore it from a backup.");
            }

            yield return record!;
        }
    }
}
