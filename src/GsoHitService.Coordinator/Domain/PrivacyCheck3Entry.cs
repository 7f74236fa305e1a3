namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// A privacy check 3 decision: which released fields one case-team member may see. Entries are
/// kept as a history; the latest entry for a member is the one in force.
/// </summary>
/// <param name="Id">The entry's id.</param>
/// <param name="CaseId">The case.</param>
/// <param name="MemberId">The case-team member the entry is about.</param>
/// <param name="Fields">The field names the member may see; empty withholds everything.</param>
/// <param name="DecidedBy">The kerngroep member who decided.</param>
/// <param name="Reason">Why, in the decider's words.</param>
/// <param name="RecordedAt">When the store recorded the entry (UTC).</param>
public sealed record PrivacyCheck3Entry(
    PrivacyCheck3EntryId Id,
    CaseId CaseId,
    string MemberId,
    IReadOnlyList<string> Fields,
    string DecidedBy,
    string Reason,
    DateTimeOffset RecordedAt);

/// <summary>A privacy check 3 decision to record; the store assigns the id and time.</summary>
public sealed record NewPrivacyCheck3Entry(
    CaseId CaseId,
    string MemberId,
    IReadOnlyList<string> Fields,
    string DecidedBy,
    string Reason);
