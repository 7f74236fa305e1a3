namespace GsoHitService.Agent.Auditing;

/// <summary>Writes audit records of requests to the agent's append-only audit log.</summary>
internal interface IQueryAuditTrail
{
    /// <summary>Appends one record; returns when it is durable, so that no answer leaves the agent unaudited.</summary>
    ValueTask RecordAsync(QueryAuditRecord record, CancellationToken cancellationToken);
}
