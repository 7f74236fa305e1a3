using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// One hit query of a signal's subjects to the departments that a privacy check 1 decision
/// approved. A query is recorded as in progress before any agent is asked, and gets its outcomes
/// and answers in one step when it completes, so that a crash never leaves a partial result that
/// looks complete.
/// </summary>
/// <param name="Id">The query's id.</param>
/// <param name="SignalId">The signal whose subjects are asked about.</param>
/// <param name="DecisionId">The privacy check 1 decision that allows the query.</param>
/// <param name="RepeatOf">The earlier query that this one repeats for some departments, if any.</param>
/// <param name="RequestedDepartments">The departments asked, in request order.</param>
/// <param name="State">In progress, completed or interrupted.</param>
/// <param name="StartedAt">When the query was recorded as started (UTC).</param>
/// <param name="EndedAt">When it completed or was marked interrupted (UTC); null while in progress.</param>
/// <param name="Departments">One outcome per requested department once completed; empty otherwise.</param>
/// <param name="Answers">The answers per subject, department and identifier type once completed; empty otherwise.</param>
/// <param name="CaseId">The signal's case when this query found at least one hit.</param>
public sealed record HitQuery(
    HitQueryId Id,
    SignalId SignalId,
    DecisionId DecisionId,
    HitQueryId? RepeatOf,
    IReadOnlyList<string> RequestedDepartments,
    HitQueryState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<DepartmentQueryOutcome> Departments,
    IReadOnlyList<HitQueryAnswer> Answers,
    CaseId? CaseId);

/// <summary>The state of a hit query. Stored as its number.</summary>
public enum HitQueryState
{
    /// <summary>Recorded as started; outcomes are not known yet, or the coordinator stopped while asking.</summary>
    InProgress = 1,

    /// <summary>Every requested department has an outcome.</summary>
    Completed = 2,

    /// <summary>The coordinator restarted while the query was in progress; repeat the query to get answers.</summary>
    Interrupted = 3,
}

/// <summary>A hit query to record as in progress. The store assigns the start time.</summary>
/// <param name="SignalId">The signal whose subjects are asked about.</param>
/// <param name="DecisionId">A privacy check 1 decision of that signal.</param>
/// <param name="Departments">The departments to ask; each must be named by the decision.</param>
/// <param name="RepeatOf">An earlier query of the same signal that this one repeats, if any.</param>
/// <param name="Id">
/// The query's id, or null for a new one. The runner picks it itself, so that it can ask the agents
/// while the store is still writing the start.
/// </param>
public sealed record NewHitQuery(
    SignalId SignalId,
    DecisionId DecisionId,
    IReadOnlyList<string> Departments,
    HitQueryId? RepeatOf = null,
    HitQueryId? Id = null);

/// <summary>
/// The result that completes a hit query: exactly one outcome per requested department and the
/// answers of the departments that answered.
/// </summary>
public sealed record HitQueryCompletion(
    IReadOnlyList<DepartmentQueryOutcome> Departments,
    IReadOnlyList<HitQueryAnswer> Answers);

/// <summary>How one department dealt with a hit query.</summary>
/// <param name="Department">The department name.</param>
/// <param name="Outcome">Whether it answered and, if not, why not.</param>
/// <param name="Reason">
/// Why the department did not answer, for users and operators; required for every outcome but
/// <see cref="DepartmentOutcome.Answered"/>. Never contains identifiers.
/// </param>
/// <param name="IndexLoadedAt">When the agent last loaded its index successfully, if the agent reported it (UTC).</param>
public sealed record DepartmentQueryOutcome(
    string Department,
    DepartmentOutcome Outcome,
    string? Reason,
    DateTimeOffset? IndexLoadedAt);

/// <summary>
/// The outcome of one department in one hit query. The numbers equal the wire values of
/// <c>gso.v1.DepartmentOutcome</c>.
/// </summary>
public enum DepartmentOutcome
{
    /// <summary>The agent answered every identifier.</summary>
    Answered = 1,

    /// <summary>The agent could not be reached or had no usable index.</summary>
    Unavailable = 2,

    /// <summary>The agent refused the request, for example because it rejected the decision.</summary>
    Refused = 3,

    /// <summary>The agent did not answer before the deadline.</summary>
    DeadlineExceeded = 4,

    /// <summary>The coordinator cancelled the call.</summary>
    Cancelled = 5,

    /// <summary>The agent's token scheme, normaliser profile or key epoch differs from the coordinator's.</summary>
    VersionMismatch = 6,
}

/// <summary>One department's answer for one identifier type of one subject.</summary>
public sealed record HitQueryAnswer(
    SubjectId SubjectId,
    string Department,
    IdentifierType IdentifierType,
    HitAnswer Answer);

/// <summary>
/// The answer for one identifier. The numbers equal the wire values of <c>gso.v1.HitAnswer</c>.
/// </summary>
public enum HitAnswer
{
    /// <summary>The department has at least one relevant record with this identifier.</summary>
    Hit = 1,

    /// <summary>The department indexes this identifier type and has no relevant record with it.</summary>
    NoHit = 2,

    /// <summary>The department does not index this identifier type.</summary>
    NotHeld = 3,

    /// <summary>No reliable answer now.</summary>
    Unavailable = 4,
}
