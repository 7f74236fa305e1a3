namespace GsoHitService.Audit;

/// <summary>
/// One entry as stored in the log: the reported <see cref="AuditEntry"/> with its place in the
/// hash chain.
/// </summary>
/// <param name="Sequence">Position in the log, starting at 1, without gaps.</param>
/// <param name="Timestamp">When the entry was appended (UTC, 100 ns precision); never earlier than the previous entry's.</param>
/// <param name="Entry">What happened.</param>
/// <param name="PreviousHash">SHA-256 of the previous entry in lowercase hexadecimal; 64 zeros for the first entry.</param>
/// <param name="Hash">SHA-256 over the canonical encoding of all fields above, in lowercase hexadecimal.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Timestamp, AuditEntry Entry, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first entry in a log.</summary>
    public static readonly string GenesisHash = new('0', 64);
}
