using System.Collections.Concurrent;
using GsoHitService.Agent.Auditing;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>Keeps audit records in memory, for unit tests of what gets audited.</summary>
internal sealed class RecordingAuditTrail : IQueryAuditTrail
{
    private readonly ConcurrentQueue<QueryAuditRecord> _records = new();

    public IReadOnlyList<QueryAuditRecord> Records => _records.ToArray();

    public QueryAuditRecord Single => Assert.Single(Records);

    public ValueTask RecordAsync(QueryAuditRecord record, CancellationToken cancellationToken)
    {
        _records.Enqueue(record);
        return ValueTask.CompletedTask;
    }
}
