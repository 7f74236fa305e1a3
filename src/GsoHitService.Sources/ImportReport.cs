using System.Collections.Concurrent;

namespace GsoHitService.Sources;

/// <summary>
/// Counts of one source load: rows read = rows indexed + rows rejected, with rejections counted
/// per reason. Holds counts and reason codes only, never values.
/// </summary>
public sealed class ImportReport(string sourceName)
{
    private readonly ConcurrentDictionary<string, long> _rejectedRowsByReason = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rejectedIdentifiersByReason = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _flaggedFields = new(StringComparer.Ordinal);
    private long _rowsRead;
    private long _rowsIndexed;

    /// <summary>Name of the source in the agent configuration.</summary>
    public string SourceName { get; } = sourceName;

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public long RowsIndexed => Interlocked.Read(ref _rowsIndexed);

    public long RowsRejected => _rejectedRowsByReason.Values.Sum();

    /// <summary>Rejected rows per reason code, for example <c>not-relevant</c> or <c>bsn:Elfproef</c>.</summary>
    public IReadOnlyDictionary<string, long> RejectedRowsByReason => _rejectedRowsByReason;

    /// <summary>
    /// Identifier values that failed validation in rows that were still indexed through another
    /// identifier, per reason code.
    /// </summary>
    public IReadOnlyDictionary<string, long> RejectedIdentifiersByReason => _rejectedIdentifiersByReason;

    /// <summary>
    /// Fields that cannot be trusted as configured, with a reason code, for example a numeric BSN
    /// column without a pad rule (<c>bsn:NumericValue</c>). Field names only, never values.
    /// </summary>
    public IReadOnlyDictionary<string, string> FlaggedFields => _flaggedFields;

    /// <summary>Whether the counts balance: rows read = rows indexed + rows rejected.</summary>
    public bool IsBalanced => RowsRead == RowsIndexed + RowsRejected;

    public void CountRead() => Interlocked.Increment(ref _rowsRead);

    public void CountIndexed() => Interlocked.Increment(ref _rowsIndexed);

    public void CountRejectedRow(string reason) => _rejectedRowsByReason.AddOrUpdate(reason, 1, static (_, count) => count + 1);

    public void CountRejectedIdentifier(string reason) => _rejectedIdentifiersByReason.AddOrUpdate(reason, 1, static (_, count) => count + 1);

    /// <summary>Flags a field with a reason code; returns false when the field was flagged already.</summary>
    public bool FlagField(string field, string reason) => _flaggedFields.TryAdd(field, reason);
}
