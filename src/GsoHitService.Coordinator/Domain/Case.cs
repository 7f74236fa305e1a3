namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// A case (casus), opened by the first hit query of a signal that found at least one hit. A signal
/// has at most one case.
/// </summary>
/// <param name="Id">The case's id.</param>
/// <param name="SignalId">The signal that the case grew from.</param>
/// <param name="OpenedByQueryId">The hit query whose hit opened the case.</param>
/// <param name="OpenedAt">When the case was opened (UTC).</param>
public sealed record Case(CaseId Id, SignalId SignalId, HitQueryId OpenedByQueryId, DateTimeOffset OpenedAt);
