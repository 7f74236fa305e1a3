using GsoHitService.Coordinator.Domain;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// Log messages of the coordinator's store, event ids 4100–4199. They carry ids, counts and
/// outcomes only, never identifiers, labels, signal texts or released content.
/// </summary>
internal static partial class StoreLog
{
    [LoggerMessage(4100, LogLevel.Information, "Opened the {Provider} store at {Database}, schema version {Version}", EventName = "StoreOpened")]
    public static partial void StoreOpened(ILogger logger, StoreProvider provider, string database, int version);

    [LoggerMessage(4101, LogLevel.Information, "Applied schema migration {Version} ({Name}) to the {Provider} store", EventName = "MigrationApplied")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, StoreProvider provider);

    [LoggerMessage(4102, LogLevel.Warning, "Created data-key file {Path} with new key {KeyId}; back it up apart from the database, because without it the stored personal data cannot be read", EventName = "DataKeyFileCreated")]
    public static partial void DataKeyFileCreated(ILogger logger, string path, string keyId);

    [LoggerMessage(4103, LogLevel.Information, "Registered data key {KeyId} in the store", EventName = "DataKeyRegistered")]
    public static partial void DataKeyRegistered(ILogger logger, string keyId);

    [LoggerMessage(4110, LogLevel.Information, "Registered signal {SignalId} with {SubjectCount} subjects and {IdentifierCount} identifiers", EventName = "SignalRegistered")]
    public static partial void SignalRegistered(ILogger logger, SignalId signalId, int subjectCount, int identifierCount);

    [LoggerMessage(4111, LogLevel.Information, "Recorded {Kind} decision {DecisionId} for signal {SignalId} with {SignatureCount} signatures", EventName = "DecisionRecorded")]
    public static partial void DecisionRecorded(ILogger logger, DecisionKind kind, DecisionId decisionId, SignalId signalId, int signatureCount);

    [LoggerMessage(4112, LogLevel.Information, "Prepared {Kind} decision {DecisionId} for signal {SignalId} with {DepartmentCount} departments", EventName = "DecisionPrepared")]
    public static partial void DecisionPrepared(ILogger logger, DecisionKind kind, DecisionId decisionId, SignalId signalId, int departmentCount);

    [LoggerMessage(4120, LogLevel.Information, "Hit query {QueryId} of signal {SignalId} started under decision {DecisionId} for {DepartmentCount} departments", EventName = "HitQueryStarted")]
    public static partial void HitQueryStarted(ILogger logger, HitQueryId queryId, SignalId signalId, DecisionId decisionId, int departmentCount);

    [LoggerMessage(4121, LogLevel.Information, "Hit query {QueryId} completed: {AnsweredCount} of {DepartmentCount} departments answered, {HitCount} hits", EventName = "HitQueryCompleted")]
    public static partial void HitQueryCompleted(ILogger logger, HitQueryId queryId, int answeredCount, int departmentCount, int hitCount);

    [LoggerMessage(4122, LogLevel.Warning, "Marked {Count} hit queries as interrupted that were still in progress when the coordinator stopped", EventName = "HitQueriesInterrupted")]
    public static partial void HitQueriesInterrupted(ILogger logger, int count);

    [LoggerMessage(4123, LogLevel.Information, "Opened case {CaseId} for signal {SignalId} after a hit in query {QueryId}", EventName = "CaseOpened")]
    public static partial void CaseOpened(ILogger logger, CaseId caseId, SignalId signalId, HitQueryId queryId);

    [LoggerMessage(4130, LogLevel.Information, "Recorded content release {ReleaseId} of department {Department} under decision {DecisionId}: {RecordCount} records", EventName = "ContentReleaseRecorded")]
    public static partial void ContentReleaseRecorded(ILogger logger, ContentReleaseId releaseId, string department, DecisionId decisionId, int recordCount);

    [LoggerMessage(4131, LogLevel.Information, "Recorded privacy check 3 entry {EntryId} of case {CaseId} for member {MemberId}: {FieldCount} fields", EventName = "PrivacyCheck3Recorded")]
    public static partial void PrivacyCheck3Recorded(ILogger logger, PrivacyCheck3EntryId entryId, CaseId caseId, string memberId, int fieldCount);
}
