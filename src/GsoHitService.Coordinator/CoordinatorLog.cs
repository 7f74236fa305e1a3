using Grpc.Core;
using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator;

/// <summary>
/// Log messages of the coordinator service, event ids 5000–5099 (the store uses 4100–4199). They
/// carry ids, department codes, counts, outcomes and reason codes, never identifiers, names,
/// labels or released content.
/// </summary>
internal static partial class CoordinatorLog
{
    [LoggerMessage(5000, LogLevel.Information, "Coordinator starting: {AgentCount} agents ({Departments}); token scheme {TokenSchemeVersion}, normaliser profile {NormaliserProfile}, key epoch {KeyEpoch}; {MemberCount} kerngroep members in the roster; audit log {AuditLogPath}", EventName = "CoordinatorStarting")]
    public static partial void CoordinatorStarting(ILogger logger, int agentCount, string departments, int tokenSchemeVersion, string normaliserProfile, string keyEpoch, int memberCount, string auditLogPath);

    [LoggerMessage(5010, LogLevel.Information, "Hit query {QueryId}: department {Department} answered {TokenCount} tokens, {HitCount} hits, {UnavailableCount} unavailable", EventName = "DepartmentAnswered")]
    public static partial void DepartmentAnswered(ILogger logger, string queryId, string department, int tokenCount, int hitCount, int unavailableCount);

    [LoggerMessage(5011, LogLevel.Warning, "Hit query {QueryId}: department {Department} did not answer, outcome {Outcome} ({ReasonCode}): {Detail}", EventName = "DepartmentNotAnswered")]
    public static partial void DepartmentNotAnswered(ILogger logger, string queryId, string department, DepartmentOutcome outcome, string reasonCode, string detail);

    [LoggerMessage(5012, LogLevel.Information, "Hit query of signal {SignalId} under decision {DecisionId} refused: {Reason}", EventName = "HitQueryRefused")]
    public static partial void HitQueryRefused(ILogger logger, SignalId signalId, DecisionId? decisionId, string reason);

    [LoggerMessage(5013, LogLevel.Error, "Hit query {QueryId}: the fan-out to the agents failed, so every department is recorded as not answered", EventName = "FanOutFailed")]
    public static partial void FanOutFailed(ILogger logger, HitQueryId queryId, Exception exception);

    [LoggerMessage(5014, LogLevel.Error, "Decision {DecisionId}: the tokens computed now for department {Department} do not match the approved digest", EventName = "DigestMismatch")]
    public static partial void DigestMismatch(ILogger logger, DecisionId decisionId, string department);

    [LoggerMessage(5015, LogLevel.Information, "Hit query {QueryId} asked {TokenCount} tokens: checks and tokens {PrepareMilliseconds:F1} ms, agents {AskMilliseconds:F1} ms, recording {RecordMilliseconds:F1} ms", EventName = "HitQueryTimed")]
    public static partial void HitQueryTimed(ILogger logger, HitQueryId queryId, int tokenCount, double prepareMilliseconds, double askMilliseconds, double recordMilliseconds);

    [LoggerMessage(5016, LogLevel.Error, "Hit query {QueryId} was not sent to any agent because its start could not be written to the audit log", EventName = "HitQueryNotAudited")]
    public static partial void HitQueryNotAudited(ILogger logger, HitQueryId queryId, Exception exception);

    [LoggerMessage(5017, LogLevel.Error, "Recording hit query {QueryId} in the store failed. The caller receives an error, and the audit log contains the requests sent to the agents", EventName = "HitQueryNotStored")]
    public static partial void HitQueryNotStored(ILogger logger, HitQueryId queryId, Exception exception);

    [LoggerMessage(5020, LogLevel.Information, "Decision {DecisionId} refused: {Reason}", EventName = "DecisionRefused")]
    public static partial void DecisionRefused(ILogger logger, DecisionId decisionId, string reason);

    [LoggerMessage(5030, LogLevel.Warning, "Agent of department {Department} did not answer GetAgentInfo: {Detail}", EventName = "AgentInfoFailed")]
    public static partial void AgentInfoFailed(ILogger logger, string department, string detail);

    [LoggerMessage(5040, LogLevel.Information, "Content release {ReleaseId} under decision {DecisionId} from department {Department}: {SubjectCount} subjects, {RecordCount} records", EventName = "ContentReleased")]
    public static partial void ContentReleased(ILogger logger, ContentReleaseId releaseId, DecisionId decisionId, string department, int subjectCount, int recordCount);

    [LoggerMessage(5041, LogLevel.Warning, "Content release under decision {DecisionId} from department {Department} failed, outcome {Outcome}: {Detail}", EventName = "ContentReleaseFailed")]
    public static partial void ContentReleaseFailed(ILogger logger, DecisionId decisionId, string department, DepartmentOutcome outcome, string detail);

    [LoggerMessage(5042, LogLevel.Information, "Released content of case {CaseId} not shown: {Reason}", EventName = "ContentViewRefused")]
    public static partial void ContentViewRefused(ILogger logger, CaseId caseId, string reason);

    [LoggerMessage(5050, LogLevel.Information, "{Method} refused with {Status}: {Reason}", EventName = "RequestRefused")]
    public static partial void RequestRefused(ILogger logger, string method, StatusCode status, string reason);

    [LoggerMessage(5051, LogLevel.Error, "{Method} failed", EventName = "CallFailed")]
    public static partial void CallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(5060, LogLevel.Critical, "Writing the audit entry {Action} for decision {DecisionId} to {AuditLogPath} failed after the action was done; check the disk and run 'gso audit verify'", EventName = "AuditWriteFailed")]
    public static partial void AuditWriteFailed(ILogger logger, string action, string? decisionId, string auditLogPath, Exception exception);
}
