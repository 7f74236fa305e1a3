namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// A decision as the coordinator prepared it for signing, before anyone signed it. A privacy check 1
/// payload names per department only a digest of the subject tokens, so the coordinator keeps the
/// subjects behind each digest here, and records a signed decision only when its payload is byte for
/// byte the prepared one.
/// </summary>
/// <param name="Id">The decision id, also inside the payload.</param>
/// <param name="Kind">Privacy check 1 or 2.</param>
/// <param name="SignalId">The signal the decision is about; for privacy check 2 the signal of the case.</param>
/// <param name="CaseId">The case of a privacy check 2 decision; null for privacy check 1.</param>
/// <param name="Scopes">The departments with the subjects each one covers.</param>
/// <param name="Payload">The canonical encoding that members are to sign.</param>
/// <param name="PreparedAt">When the store recorded the prepared decision (UTC).</param>
public sealed record PreparedDecision(
    DecisionId Id,
    DecisionKind Kind,
    SignalId SignalId,
    CaseId? CaseId,
    IReadOnlyList<DecisionScope> Scopes,
    byte[] Payload,
    DateTimeOffset PreparedAt);

/// <summary>A prepared decision to record; the store assigns the time.</summary>
public sealed record NewPreparedDecision(
    DecisionId Id,
    DecisionKind Kind,
    SignalId SignalId,
    CaseId? CaseId,
    IReadOnlyList<DecisionScope> Scopes,
    byte[] Payload);
