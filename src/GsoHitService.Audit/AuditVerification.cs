namespace GsoHitService.Audit;

/// <summary>What is wrong with the first broken line of an audit log.</summary>
public enum AuditBreakKind
{
    /// <summary>The line is not a JSON object (also: an empty or over-long line).</summary>
    InvalidJson,

    /// <summary>The line is JSON but a field is missing, unknown, duplicated or has an invalid value.</summary>
    InvalidEntry,

    /// <summary>The stored hash does not match the entry's fields: the line was changed.</summary>
    HashMismatch,

    /// <summary>The entry's previous hash is not the hash of the line before it: an entry before it was replaced.</summary>
    BrokenLink,

    /// <summary>The sequence number is not one more than the previous one: lines were deleted, inserted or reordered.</summary>
    SequenceGap,

    /// <summary>The entry's time is earlier than the previous entry's.</summary>
    TimeBackwards,

    /// <summary>The last line has no line end: the file was cut off or a write was interrupted.</summary>
    TruncatedLine,
}

/// <summary>The first place where an audit log's chain is broken.</summary>
/// <param name="LineNumber">The line, counted from 1.</param>
/// <param name="Sequence">The sequence number found on the line, when the line could be read.</param>
/// <param name="ExpectedSequence">The sequence number the line should have had.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">An English description for operators, without the entry's content.</param>
public sealed record AuditLogBreak(long LineNumber, long? Sequence, long ExpectedSequence, AuditBreakKind Kind, string Detail);

/// <summary>The result of <see cref="AuditLogVerifier.Verify(string, CancellationToken)"/>.</summary>
/// <param name="EntriesChecked">Entries found intact before the first break (all entries when intact).</param>
/// <param name="FirstBreak">The first break, or null when the whole chain is intact.</param>
/// <param name="LastSequence">The sequence number of the last intact entry, 0 for an empty log.</param>
/// <param name="LastHash">
/// The hash of the last intact entry. Compare it with a head hash recorded elsewhere to detect
/// lines removed from the end, which the chain alone cannot show.
/// </param>
public sealed record AuditVerificationResult(long EntriesChecked, AuditLogBreak? FirstBreak, long LastSequence, string LastHash)
{
    /// <summary>Whether every line of the log is intact and chained.</summary>
    public bool IsIntact => FirstBreak is null;
}
