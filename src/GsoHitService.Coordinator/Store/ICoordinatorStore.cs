using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// The coordinator's persistent state: signals and their subjects, kerngroep decisions, hit
/// queries with their outcomes, cases, released content and privacy check 3 entries. Personal data
/// are encrypted at rest. Every method is safe to call concurrently.
/// </summary>
/// <remarks>
/// Methods that record something assign ids and timestamps themselves (UTC, microsecond
/// precision) and return the stored entity. They throw <see cref="ArgumentException"/> for input
/// that breaks a rule of the domain, and <see cref="CoordinatorStoreException"/> when the input does
/// not fit the stored data; in both cases nothing is recorded. Get methods return null for an
/// unknown id.
/// </remarks>
public interface ICoordinatorStore : IAsyncDisposable
{
    /// <summary>Records a signal with its subjects and their validated identifiers.</summary>
    Task<Signal> RegisterSignalAsync(NewSignal signal, CancellationToken cancellationToken);

    /// <summary>Gets a signal with its subjects and decrypted identifiers.</summary>
    Task<Signal?> GetSignalAsync(SignalId id, CancellationToken cancellationToken);

    /// <summary>Gets the ids of a signal's subjects by position, or null for an unknown signal; nothing is decrypted.</summary>
    Task<IReadOnlyList<SubjectId>?> GetSubjectIdsAsync(SignalId id, CancellationToken cancellationToken);

    /// <summary>Gets the decrypted labels of the subjects at positions <paramref name="first"/> to <paramref name="last"/> of a signal.</summary>
    Task<IReadOnlyList<SubjectLabel>> GetSubjectLabelsAsync(SignalId id, int first, int last, CancellationToken cancellationToken);

    /// <summary>
    /// Records a signed decision. The signal, the case of a privacy check 2 decision and every
    /// subject in the scopes must exist and belong together.
    /// </summary>
    /// <exception cref="CoordinatorStoreException">
    /// <see cref="StoreError.AlreadyExists"/> for a known decision id; <see cref="StoreError.NotFound"/>
    /// for an unknown signal or case; <see cref="StoreError.InvalidState"/> for a subject of another signal.
    /// </exception>
    Task<Decision> RecordDecisionAsync(NewDecision decision, CancellationToken cancellationToken);

    Task<Decision?> GetDecisionAsync(DecisionId id, CancellationToken cancellationToken);

    /// <summary>
    /// Records a decision as prepared for signing, with the subjects per department that its payload
    /// stands for. The signal, the case of a privacy check 2 decision and every subject must exist
    /// and belong together.
    /// </summary>
    /// <exception cref="CoordinatorStoreException">
    /// <see cref="StoreError.AlreadyExists"/> for a decision id prepared before; <see cref="StoreError.NotFound"/>
    /// for an unknown signal or case; <see cref="StoreError.InvalidState"/> for a subject or case of another signal.
    /// </exception>
    Task<PreparedDecision> RecordPreparedDecisionAsync(NewPreparedDecision decision, CancellationToken cancellationToken);

    /// <summary>Gets a prepared decision, or null when no decision with this id was prepared.</summary>
    Task<PreparedDecision?> GetPreparedDecisionAsync(DecisionId id, CancellationToken cancellationToken);

    /// <summary>Gets the decrypted query plan of a prepared privacy check 1 decision, or null when it has none.</summary>
    Task<byte[]?> GetQueryPlanAsync(DecisionId id, CancellationToken cancellationToken);

    /// <summary>
    /// Gets a decision like <see cref="GetDecisionAsync"/>, but each scope has an empty subject list:
    /// a bulk decision names hundreds of thousands of subjects, which a hit query takes from the
    /// query plan instead.
    /// </summary>
    Task<Decision?> GetDecisionWithoutSubjectsAsync(DecisionId id, CancellationToken cancellationToken);

    /// <summary>Lists the decisions about a signal, privacy check 2 decisions of its case included, oldest first.</summary>
    Task<IReadOnlyList<Decision>> ListDecisionsAsync(SignalId signalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a hit query as in progress, before any agent is asked. The decision must be a
    /// privacy check 1 decision of the same signal that names every requested department.
    /// </summary>
    Task<HitQuery> StartHitQueryAsync(NewHitQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Completes an in-progress hit query in one transaction: the outcome of every requested
    /// department, the answers, and, when any answer is a hit, the signal's case, opened now or
    /// already open.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The outcomes do not cover each requested department exactly once, an outcome other than
    /// answered has no reason, or a department that did not answer has an answer other than unavailable.
    /// </exception>
    /// <exception cref="CoordinatorStoreException">
    /// <see cref="StoreError.NotFound"/> for an unknown query; <see cref="StoreError.InvalidState"/> for a
    /// query that is no longer in progress or an answer about a subject of another signal.
    /// </exception>
    Task<HitQuery> CompleteHitQueryAsync(HitQueryId id, HitQueryCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every query still in progress as interrupted and returns how many there were. The
    /// coordinator calls this once at start-up, when no query of its own can be running.
    /// </summary>
    Task<int> InterruptUnfinishedHitQueriesAsync(CancellationToken cancellationToken);

    /// <summary>Gets a hit query with its outcomes and answers as far as recorded.</summary>
    Task<HitQuery?> GetHitQueryAsync(HitQueryId id, CancellationToken cancellationToken);

    /// <summary>Lists the ids of a signal's hit queries, oldest first.</summary>
    Task<IReadOnlyList<HitQueryId>> ListHitQueryIdsAsync(SignalId signalId, CancellationToken cancellationToken);

    Task<Case?> GetCaseAsync(CaseId id, CancellationToken cancellationToken);

    Task<Case?> GetCaseForSignalAsync(SignalId signalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records content released under a privacy check 2 decision. The department, every subject
    /// and every field name must be ones that the decision names; one release per decision.
    /// </summary>
    /// <exception cref="CoordinatorStoreException">
    /// <see cref="StoreError.NotFound"/> for an unknown decision; <see cref="StoreError.InvalidState"/> for
    /// a decision that is not privacy check 2 or content outside its scope; <see cref="StoreError.AlreadyExists"/>
    /// when the decision already has a release.
    /// </exception>
    Task<ContentRelease> RecordContentReleaseAsync(NewContentRelease release, CancellationToken cancellationToken);

    Task<ContentRelease?> GetContentReleaseAsync(ContentReleaseId id, CancellationToken cancellationToken);

    /// <summary>Lists the content releases of a case with their decrypted records, oldest first.</summary>
    Task<IReadOnlyList<ContentRelease>> ListContentReleasesAsync(CaseId caseId, CancellationToken cancellationToken);

    /// <summary>Records a privacy check 3 entry for a member of an existing case.</summary>
    /// <exception cref="CoordinatorStoreException"><see cref="StoreError.NotFound"/> for an unknown case.</exception>
    Task<PrivacyCheck3Entry> RecordPrivacyCheck3Async(NewPrivacyCheck3Entry entry, CancellationToken cancellationToken);

    /// <summary>Lists a case's privacy check 3 entries, oldest first; the last one per member is in force.</summary>
    Task<IReadOnlyList<PrivacyCheck3Entry>> ListPrivacyCheck3Async(CaseId caseId, CancellationToken cancellationToken);
}
