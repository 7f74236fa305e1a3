using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Queries;

/// <summary>A request to run a hit query, parsed from the API.</summary>
/// <param name="SignalId">The signal whose subjects are asked about.</param>
/// <param name="DecisionId">The privacy check 1 decision; null to take the one of <paramref name="RepeatOf"/>.</param>
/// <param name="Departments">Departments to ask; empty for every department of the decision, or for those of <paramref name="RepeatOf"/> that did not answer.</param>
/// <param name="RepeatOf">An earlier query of the same signal that this one repeats.</param>
internal sealed record HitQueryCommand(SignalId SignalId, DecisionId? DecisionId, IReadOnlyList<string> Departments, HitQueryId? RepeatOf);

/// <summary>A hit query as recorded, with the query plan and subject ids needed to show its result.</summary>
internal sealed record HitQueryRun(HitQuery Query, PreparedQueryPlan Plan, IReadOnlyList<SubjectId> Subjects);
