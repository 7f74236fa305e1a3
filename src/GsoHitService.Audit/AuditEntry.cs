namespace GsoHitService.Audit;

/// <summary>
/// What happened, as the caller reports it to <see cref="AuditLog.Append"/>. The log adds the
/// sequence number, the time and the hashes. Never put identifiers, names of data subjects or
/// released content in any field: log decision ids, counts and field names.
/// </summary>
/// <example>
/// An agent that served a hit query:
/// <code>
/// new AuditEntry("CN=coordinator, O=Gemeente Voorbeeld; sha256=3F2A…", "hit-query", AuditOutcome.Succeeded)
/// {
///     DecisionId = "pc1-2025-0042",
///     Counts = new AuditCounts(Asked: 3, Hits: 1, NoHits: 2, NotHeld: 0, Unavailable: 0),
/// };
/// </code>
/// </example>
/// <param name="Actor">
/// Who acted: the caller's certificate subject and SHA-256 thumbprint (see
/// <see cref="AuditActor.FromCertificate"/>), or the kerngroep member's id.
/// </param>
/// <param name="Action">What was done, a short stable name such as <c>hit-query</c>, <c>content-release</c> or <c>decision-signed</c>.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record AuditEntry(string Actor, string Action, AuditOutcome Outcome)
{
    /// <summary>Maximum length in characters of <see cref="Actor"/>, <see cref="Action"/>, ids and field names.</summary>
    public const int MaxNameLength = 512;

    /// <summary>Maximum length in characters of <see cref="Reason"/>.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The decision (privacy check 1 or 2) the action was done under, if any.</summary>
    public string? DecisionId { get; init; }

    /// <summary>The department the action concerns, for example when the coordinator queries an agent.</summary>
    public string? Department { get; init; }

    /// <summary>Counts of a hit query, if the action was one.</summary>
    public AuditCounts? Counts { get; init; }

    /// <summary>Why the action was refused or failed, as a code or short sentence without identifiers.</summary>
    public string? Reason { get; init; }

    /// <summary>Names of the fields released, for a content release; never their values.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
