using GsoHitService.Audit;

namespace GsoHitService.Coordinator.Auditing;

/// <summary>
/// The coordinator's hash-chained audit log: who did what, under which decision, with which
/// counts and outcomes. Entries carry ids, department codes, counts and reason codes, never
/// identifiers, names or released content.
/// </summary>
internal sealed class CoordinatorAudit(AuditLog log, ILogger<CoordinatorAudit> logger) : IDisposable
{
    /// <summary>Action names, stable because reports filter on them.</summary>
    public static class Actions
    {
        public const string SignalRegistered = "signal-registered";
        public const string DecisionPrepared = "decision-prepared";
        public const string DecisionRecorded = "decision-recorded";
        public const string HitQuery = "hit-query";
        public const string HitQueryDepartment = "hit-query-department";
        public const string ContentRelease = "content-release";
        public const string PrivacyCheck3Recorded = "privacy-check-3-recorded";
        public const string ContentViewed = "content-viewed";
    }

    public string Path => log.Path;

    /// <summary>Appends an entry; a failure propagates, so the caller stops before it acts.</summary>
    /// <exception cref="AuditLogException">The entry could not be written.</exception>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        await log.AppendAsync(entry, cancellationToken);

    /// <summary>
    /// Appends an entry about something that has already happened and cannot be undone. A failure
    /// is logged as critical for the operator and not thrown, so that the caller still gets the
    /// result that the store recorded.
    /// </summary>
    public async Task RecordAfterTheFactAsync(AuditEntry entry)
    {
        try
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception exception) when (exception is AuditLogException or ObjectDisposedException)
        {
            CoordinatorLog.AuditWriteFailed(logger, entry.Action, entry.DecisionId, log.Path, exception);
        }
    }

    /// <summary>
    /// Appends several entries about something that has already happened with one flush to disk,
    /// like <see cref="RecordAfterTheFactAsync"/>: a failure is logged, not thrown.
    /// </summary>
    public async Task RecordAllAfterTheFactAsync(IReadOnlyList<AuditEntry> entries)
    {
        try
        {
            await log.AppendAllAsync(entries, CancellationToken.None);
        }
        catch (Exception exception) when (exception is AuditLogException or ObjectDisposedException)
        {
            CoordinatorLog.AuditWriteFailed(logger, entries.Count > 0 ? entries[0].Action : "(none)", entries.Count > 0 ? entries[0].DecisionId : null, log.Path, exception);
        }
    }

    public void Dispose() => log.Dispose();
}
