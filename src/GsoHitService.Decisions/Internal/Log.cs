using Microsoft.Extensions.Logging;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Log messages of the decision verifier and the use record. They carry decision ids, member ids,
/// department codes and counts, never identifiers or decision text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "DecisionAccepted", Level = LogLevel.Information,
        Message = "Accepted {DecisionKind} decision {DecisionId} for department {Department}, signed by {Signers}")]
    public static partial void DecisionAccepted(ILogger logger, DecisionKind decisionKind, string decisionId, string department, string signers);

    [LoggerMessage(EventId = 2, EventName = "DecisionRejected", Level = LogLevel.Warning,
        Message = "Rejected {DecisionKind} decision {DecisionId} for department {Department}: {Reason}. {Detail}")]
    public static partial void DecisionRejected(ILogger logger, DecisionKind decisionKind, string decisionId, string department, DecisionVerificationStatus reason, string detail);

    [LoggerMessage(EventId = 3, EventName = "DecisionReplayed", Level = LogLevel.Warning,
        Message = "Refused {DecisionKind} decision {DecisionId} for department {Department}: it was used here before")]
    public static partial void DecisionReplayed(ILogger logger, DecisionKind decisionKind, string decisionId, string department);

    [LoggerMessage(EventId = 10, EventName = "UseRecordOpened", Level = LogLevel.Information,
        Message = "Opened the decision use record {Path}: {ActiveCount} active uses, {ExpiredCount} expired uses dropped")]
    public static partial void UseRecordOpened(ILogger logger, string path, int activeCount, int expiredCount);

    [LoggerMessage(EventId = 11, EventName = "UseRecordTornLineDropped", Level = LogLevel.Warning,
        Message = "Dropped the incomplete last line {LineNumber} of the decision use record {Path}; a crash cut it off before its reply was sent")]
    public static partial void TornLineDropped(ILogger logger, string path, int lineNumber);

    [LoggerMessage(EventId = 12, EventName = "UseRecordWriteFailed", Level = LogLevel.Error,
        Message = "Could not write the use of decision {DecisionId} to the decision use record {Path}; every later decision is refused until the agent restarts")]
    public static partial void UseRecordWriteFailed(ILogger logger, string path, string decisionId, Exception exception);

    [LoggerMessage(EventId = 13, EventName = "UsesRestored", Level = LogLevel.Information,
        Message = "Decision use record {Path}: {RestoredCount} used decisions restored from {Source}")]
    public static partial void UsesRestored(ILogger logger, string path, int restoredCount, string source);

    [LoggerMessage(EventId = 14, EventName = "UseRecordCloseFlushFailed", Level = LogLevel.Warning,
        Message = "Could not flush the decision use record {Path} when closing it. Its last uses are restored from the agent's audit log at the next start")]
    public static partial void UseRecordCloseFlushFailed(ILogger logger, string path, Exception exception);
}
