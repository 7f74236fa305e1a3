namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// A decision as the coordinator prepared it for signing, before anyone signed it. A privacy check 1
/// payload names per department only a digest of the subject tokens, so the coordinator keeps the
/// subjects behind each digest here. It records a signed decision only when its payload is byte for
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
/// <param name="Id">The decision id, also inside the payload.</param>
/// <param name="Kind">Privacy check 1 or 2.</param>
/// <param name="SignalId">The signal the decision is about.</param>
/// <param name="CaseId">The case of a privacy check 2 decision; null for privacy check 1.</param>
/// <param name="Scopes">The departments with the subjects each one covers.</param>
/// <param name="Payload">The canonical encoding that members are to sign.</param>
/// <param name="QueryPlan">
/// Privacy check 1 only: the match tokens each department is asked, in the coordinator's own
/// format. They are pseudonyms of personal data, so the store encrypts them. Null for privacy check 2.
/// </param>
public sealed record NewPreparedDecision(
    DecisionId Id,
    DecisionKind Kind,
    SignalId SignalId,
    CaseId? CaseId,
    IReadOnlyList<DecisionScope> Scopes,
    byte[] Payload,
    byte[]? QueryPlan = null)
{
    /// <summary>Returns ids and sizes only, so that the query plan never reaches a log.</summary>
    public override string ToString() => $"NewPreparedDecision({Id}, {Kind}, {Scopes.Count} departments)";
}

/// <summary>A subject's position in its signal, id and label, for showing one page of a result.</summary>
public sealed record SubjectLabel(int Position, SubjectId Id, string Label)
{
    /// <summary>Returns the id only, so that the label never reaches a log.</summary>
    public override string ToString() => $"SubjectLabel({Position}, {Id})";
}
