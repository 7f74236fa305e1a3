using GsoHitService.Audit.Internal;

namespace GsoHitService.Audit;

/// <summary>
/// Checks an audit log's hash chain from the first line to the last and reports the first break.
/// </summary>
/// <remarks>
/// The chain shows changed, inserted, deleted and reordered lines, but not lines removed from the
/// end of the file: compare <see cref="AuditVerificationResult.LastHash"/> with a head hash
/// recorded elsewhere for that. A writer that rewrites the whole file with new hashes is not
/// detected either, because the hashes are not keyed.
/// </remarks>
public static class AuditLogVerifier
{
    /// <summary>Reads the file at <paramref name="path"/> and verifies every line.</summary>
    /// <exception cref="IOException">The file cannot be read (including <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The account may not read the file.</exception>
    public static AuditVerificationResult Verify(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // Shared for writing too, so that a log in use by a running service can be checked.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return Verify(stream, cancellationToken);
    }

    /// <summary>Verifies every line of a log read from <paramref name="stream"/>.</summary>
    public static AuditVerificationResult Verify(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);

        long checkedEntries = 0;
        var previousHash = AuditRecord.GenesisHash;
        var previousTime = DateTimeOffset.MinValue;

        foreach (var line in AuditLogLines.Read(stream, cancellationToken))
        {
            var expectedSequence = checkedEntries + 1;
            var problem = FindProblem(line, expectedSequence, previousHash, previousTime, out var record);
            if (problem is { } found)
            {
                var lineBreak = new AuditLogBreak(line.Number, found.Sequence, expectedSequence, found.Kind, found.Detail);
                return new AuditVerificationResult(checkedEntries, lineBreak, checkedEntries, previousHash);
            }

            checkedEntries++;
            previousHash = record!.Hash;
            previousTime = record.Timestamp;
        }

        return new AuditVerificationResult(checkedEntries, null, checkedEntries, previousHash);
    }

    private static (AuditBreakKind Kind, string Detail, long? Sequence)? FindProblem(
        AuditLogLine line, long expectedSequence, string previousHash, DateTimeOffset previousTime, out AuditRecord? record)
    {
        record = null;
        if (line.IsTooLong)
        {
            return (AuditBreakKind.InvalidJson, $"line longer than {AuditRecordCodec.MaxLineBytes} bytes", null);
        }

        if (!line.IsTerminated)
        {
            return (AuditBreakKind.TruncatedLine, "the last line has no line end", null);
        }

        if (AuditRecordCodec.TryParse(line.Content, out record) is { } parseProblem)
        {
            return (parseProblem.Kind, parseProblem.Detail, record?.Sequence);
        }

        var current = record!;
        if (current.Sequence != expectedSequence)
        {
            return (AuditBreakKind.SequenceGap, $"sequence number {current.Sequence} where {expectedSequence} was expected", current.Sequence);
        }

        if (!string.Equals(current.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return (AuditBreakKind.BrokenLink, "the previous hash is not the hash of the line before", current.Sequence);
        }

        if (current.Timestamp < previousTime)
        {
            return (AuditBreakKind.TimeBackwards, $"time {current.Timestamp:O} is before the previous entry's {previousTime:O}", current.Sequence);
        }

        return null;
    }
}
