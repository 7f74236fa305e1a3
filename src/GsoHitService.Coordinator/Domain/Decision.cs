using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// A signed kerngroep decision as the coordinator recorded it. Privacy check 1 names the
/// departments that may be asked and, per department, the subjects. Privacy check 2 names one
/// department of a case, the fields that it may release and the recipients.
/// </summary>
/// <param name="Id">The decision's id, also inside the signed payload.</param>
/// <param name="Kind">Privacy check 1 or 2.</param>
/// <param name="SignalId">The signal that the decision is about; for privacy check 2 the signal of the case.</param>
/// <param name="CaseId">The case of a privacy check 2 decision; null for privacy check 1.</param>
/// <param name="Scopes">The departments, each with the subjects it may be asked about or release data on.</param>
/// <param name="IdentifierTypes">Privacy check 1: the identifier types that may be used; empty for privacy check 2.</param>
/// <param name="Fields">Privacy check 2: the releasable field names; empty for privacy check 1.</param>
/// <param name="Recipients">Privacy check 2: the case-team members who may receive the content; empty for privacy check 1.</param>
/// <param name="Purpose">Why the data are needed (doelbinding).</param>
/// <param name="LegalBasis">The legal ground (verwerkingsgrondslag).</param>
/// <param name="ValidFrom">Start of validity (UTC).</param>
/// <param name="ValidUntil">End of validity (UTC).</param>
/// <param name="Payload">The canonical encoding that the members signed, byte for byte.</param>
/// <param name="Signatures">The members' signatures over <paramref name="Payload"/>.</param>
/// <param name="RecordedAt">When the store recorded the decision (UTC).</param>
public sealed record Decision(
    DecisionId Id,
    DecisionKind Kind,
    SignalId SignalId,
    CaseId? CaseId,
    IReadOnlyList<DecisionScope> Scopes,
    IReadOnlyList<IdentifierType> IdentifierTypes,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Recipients,
    string Purpose,
    string LegalBasis,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    byte[] Payload,
    IReadOnlyList<DecisionSignature> Signatures,
    DateTimeOffset RecordedAt)
{
    /// <summary>The departments named by the decision, in the order of <see cref="Scopes"/>.</summary>
    public IEnumerable<string> Departments => Scopes.Select(scope => scope.Department);

    /// <summary>The ids of the members who signed, in the order of <see cref="Signatures"/>.</summary>
    public IEnumerable<string> SignedBy => Signatures.Select(signature => signature.MemberId);
}

/// <summary>One department of a decision with the subjects it covers.</summary>
/// <param name="Department">Department name as the agent configuration names it, for example "brp".</param>
/// <param name="SubjectIds">
/// Subjects of the decision's signal that this department covers; never empty, except in a decision
/// read without its subjects (<c>ICoordinatorStore.GetDecisionWithoutSubjectsAsync</c>).
/// </param>
public sealed record DecisionScope(string Department, IReadOnlyList<SubjectId> SubjectIds);

/// <summary>One kerngroep member's Ed25519 signature over a decision payload.</summary>
public sealed record DecisionSignature(string MemberId, byte[] Signature);

/// <summary>The kind of a decision. The numbers equal the wire values of <c>gso.v1.DecisionKind</c>.</summary>
public enum DecisionKind
{
    /// <summary>Which departments may be asked (hit / no hit).</summary>
    PrivacyCheck1 = 1,

    /// <summary>Which data one department may release to the case team.</summary>
    PrivacyCheck2 = 2,
}

/// <summary>
/// A signed decision to record. Its content must equal the content of the signed payload, so the
/// caller decodes and verifies the payload before it records the decision.
/// </summary>
public sealed record NewDecision(
    DecisionId Id,
    DecisionKind Kind,
    SignalId SignalId,
    CaseId? CaseId,
    IReadOnlyList<DecisionScope> Scopes,
    IReadOnlyList<IdentifierType> IdentifierTypes,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Recipients,
    string Purpose,
    string LegalBasis,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    byte[] Payload,
    IReadOnlyList<DecisionSignature> Signatures);
