using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Queries;

namespace GsoHitService.Agent.Auditing;

/// <summary>
/// One audited request: who asked, under which decision, how much, and what the agent did. Holds
/// ids and counts only, never identifiers, tokens or content.
/// </summary>
/// <param name="Kind">Hit query, screening or content release.</param>
/// <param name="RequestId">The coordinator's query or release id; empty when the request carried none.</param>
/// <param name="Caller">The client certificate that sent the request.</param>
/// <param name="DecisionId">Id of the verified decision; null when none was verified.</param>
/// <param name="ProbeGroupCount">Probe groups received.</param>
/// <param name="ProbeCount">Match tokens received.</param>
/// <param name="Outcome">What the agent did with the request.</param>
/// <param name="Answers">Answer counts when <paramref name="Outcome"/> is <see cref="AuditOutcome.Answered"/>.</param>
/// <param name="RefusalReason">Refusal kind when refused.</param>
/// <param name="Detail">Refusal or failure message; no identifiers.</param>
internal sealed record QueryAuditRecord(
    RequestKind Kind,
    string RequestId,
    CallerIdentity Caller,
    string? DecisionId,
    int ProbeGroupCount,
    long ProbeCount,
    AuditOutcome Outcome,
    ProbeAnswerCounts? Answers,
    QueryRefusalReason? RefusalReason,
    string? Detail);

/// <summary>What the agent did with an audited request.</summary>
internal enum AuditOutcome
{
    Answered,
    Refused,
    Cancelled,
    Failed,
}
