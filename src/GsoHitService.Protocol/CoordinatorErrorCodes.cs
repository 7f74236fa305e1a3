namespace GsoHitService.Protocol;

/// <summary>
/// Names of the response trailers and the stable reason codes with which the coordinator explains
/// a refusal, shared by the coordinator and its clients (the <c>gso</c> tool, a web UI). Clients
/// show their own Dutch text per code; the status message itself is English operator text.
/// </summary>
/// <remarks>
/// Codes are lower-case words joined by dashes. They never change meaning; new cases get new codes.
/// Trailers never carry an identifier value, a name or released content.
/// </remarks>
public static class CoordinatorErrorCodes
{
    /// <summary>Trailer with the reason code of a refused call, one of the <c>Reason…</c> constants.</summary>
    public const string ReasonTrailer = "gso-reason";

    /// <summary>Trailer with the 0-based index of the subject in the request whose identifier is invalid.</summary>
    public const string SubjectIndexTrailer = "gso-subject-index";

    /// <summary>Trailer with the 0-based index of the invalid identifier within its subject.</summary>
    public const string IdentifierIndexTrailer = "gso-identifier-index";

    /// <summary>
    /// Trailer with the identifier type of an invalid identifier, as its configuration name
    /// (<c>bsn</c>, <c>kvk</c>, <c>adres</c>, …; see <c>IdentifierTypes.ToName</c>).
    /// </summary>
    public const string IdentifierTypeTrailer = "gso-identifier-type";

    /// <summary>
    /// Trailer with the rule that an invalid identifier broke, as the name of the
    /// <c>IdentifierRule</c> member (<c>Elfproef</c>, <c>WrongLength</c>, …). With the type it gives
    /// the Dutch message of <c>IdentifierMessages.Describe</c>.
    /// </summary>
    public const string IdentifierRuleTrailer = "gso-identifier-rule";

    /// <summary>Trailer with the department code that a refusal is about.</summary>
    public const string DepartmentTrailer = "gso-department";

    /// <summary>Trailer with the subject id that a refusal is about.</summary>
    public const string SubjectIdTrailer = "gso-subject-id";

    /// <summary>Trailer with the kerngroep member id whose signature a refusal is about.</summary>
    public const string MemberIdTrailer = "gso-member-id";

    /// <summary>Trailer with the decision id that a refusal is about.</summary>
    public const string DecisionIdTrailer = "gso-decision-id";

    /// <summary>An identifier of the request breaks a rule of its type (INVALID_ARGUMENT); see the identifier trailers.</summary>
    public const string ReasonInvalidIdentifier = "invalid-identifier";

    /// <summary>
    /// A subject has the same identifier twice, possibly in two spellings (INVALID_ARGUMENT); see the
    /// subject index, identifier index and type trailers.
    /// </summary>
    public const string ReasonDuplicateIdentifier = "duplicate-identifier";

    /// <summary>A field of the request is missing or breaks a rule (INVALID_ARGUMENT); the message names the field.</summary>
    public const string ReasonInvalidRequest = "invalid-request";

    /// <summary>The signal does not exist (NOT_FOUND).</summary>
    public const string ReasonSignalNotFound = "signal-not-found";

    /// <summary>
    /// The decision does not exist (NOT_FOUND). Reserved for calls that look a decision up by id:
    /// the current calls report an unknown decision as <see cref="ReasonNoPrivacyCheck1"/> or
    /// <see cref="ReasonNoPrivacyCheck2"/>.
    /// </summary>
    public const string ReasonDecisionNotFound = "decision-not-found";

    /// <summary>The hit query does not exist (NOT_FOUND).</summary>
    public const string ReasonQueryNotFound = "query-not-found";

    /// <summary>The case does not exist (NOT_FOUND).</summary>
    public const string ReasonCaseNotFound = "case-not-found";

    /// <summary>Another entity the request refers to does not exist (NOT_FOUND).</summary>
    public const string ReasonNotFound = "not-found";

    /// <summary>The entity is already recorded, for example a decision submitted twice (ALREADY_EXISTS).</summary>
    public const string ReasonAlreadyExists = "already-exists";

    /// <summary>The request does not fit the recorded state (FAILED_PRECONDITION); the message gives the reason.</summary>
    public const string ReasonInvalidState = "invalid-state";

    /// <summary>
    /// A hit query names no decision, or a decision that is not a recorded privacy check 1 decision
    /// (FAILED_PRECONDITION).
    /// </summary>
    public const string ReasonNoPrivacyCheck1 = "no-privacy-check-1";

    /// <summary>A content release names a decision that is not a recorded privacy check 2 decision (FAILED_PRECONDITION).</summary>
    public const string ReasonNoPrivacyCheck2 = "no-privacy-check-2";

    /// <summary>The decision's validity has ended (FAILED_PRECONDITION).</summary>
    public const string ReasonDecisionExpired = "decision-expired";

    /// <summary>The decision's validity has not started yet (FAILED_PRECONDITION).</summary>
    public const string ReasonDecisionNotYetValid = "decision-not-yet-valid";

    /// <summary>A department is asked that the decision does not name (PERMISSION_DENIED); see <see cref="DepartmentTrailer"/>.</summary>
    public const string ReasonDepartmentNotInDecision = "department-not-in-decision";

    /// <summary>
    /// Subjects are asked about that the decision does not cover, for example because the decision is
    /// about another signal (PERMISSION_DENIED).
    /// </summary>
    public const string ReasonSubjectNotInDecision = "subject-not-in-decision";

    /// <summary>The decision's tokens were made under another matching-key epoch or normaliser profile than the coordinator's now (FAILED_PRECONDITION).</summary>
    public const string ReasonDecisionContextChanged = "decision-context-changed";

    /// <summary>The query to repeat has no department left that did not answer (FAILED_PRECONDITION).</summary>
    public const string ReasonNothingToRepeat = "nothing-to-repeat";

    /// <summary>No agent is configured for the department (INVALID_ARGUMENT); see <see cref="DepartmentTrailer"/>.</summary>
    public const string ReasonUnknownDepartment = "unknown-department";

    /// <summary>A subject id does not belong to the signal or case (INVALID_ARGUMENT); see <see cref="SubjectIdTrailer"/>.</summary>
    public const string ReasonSubjectNotInSignal = "subject-not-in-signal";

    /// <summary>
    /// A department's subjects have no identifier of the allowed types, so there is nothing to ask
    /// (INVALID_ARGUMENT); see <see cref="DepartmentTrailer"/>.
    /// </summary>
    public const string ReasonNoIdentifiersForDepartment = "no-identifiers-for-department";

    /// <summary>The decision payload is not a valid canonical decision (INVALID_ARGUMENT).</summary>
    public const string ReasonDecisionMalformed = "decision-malformed";

    /// <summary>The decision was not prepared by this coordinator, so its scope is unknown here (FAILED_PRECONDITION).</summary>
    public const string ReasonDecisionNotPrepared = "decision-not-prepared";

    /// <summary>The signed payload differs from the payload that the coordinator prepared under this id (INVALID_ARGUMENT).</summary>
    public const string ReasonDecisionPayloadChanged = "decision-payload-changed";

    /// <summary>
    /// A signature is invalid, names a member outside the roster or appears twice (PERMISSION_DENIED);
    /// see <see cref="MemberIdTrailer"/>.
    /// </summary>
    public const string ReasonDecisionSignatureInvalid = "decision-signature-invalid";

    /// <summary>The valid signatures do not meet the threshold policy of the decision kind (FAILED_PRECONDITION).</summary>
    public const string ReasonDecisionThresholdNotMet = "decision-threshold-not-met";

    /// <summary>The content of this privacy check 2 decision was released before; a decision releases once (ALREADY_EXISTS).</summary>
    public const string ReasonContentAlreadyReleased = "content-already-released";

    /// <summary>The department's agent did not release content (UNAVAILABLE, PERMISSION_DENIED or FAILED_PRECONDITION); the message gives its outcome.</summary>
    public const string ReasonReleaseFailed = "release-failed";

    /// <summary>The caller's certificate does not belong to the member named in the request (PERMISSION_DENIED).</summary>
    public const string ReasonMemberMismatch = "member-mismatch";

    /// <summary>The member has no privacy check 3 entry for the case (PERMISSION_DENIED).</summary>
    public const string ReasonNoPrivacyCheck3 = "no-privacy-check-3";

    /// <summary>The coordinator failed (INTERNAL); the operator log has the details.</summary>
    public const string ReasonInternalError = "internal-error";
}

/// <summary>
/// Reason codes at the start of <c>DepartmentQueryOutcome.reason</c>. A reason is the code, a colon,
/// a space and a Dutch explanation, for example
/// <c>agent-unreachable: De agent is niet bereikbaar. …</c>; clients may show their own text per code.
/// </summary>
public static class DepartmentOutcomeReasons
{
    /// <summary>No connection, TLS rejected, or the agent failed (UNAVAILABLE).</summary>
    public const string AgentUnreachable = "agent-unreachable";

    /// <summary>No agent is configured for the department any more (UNAVAILABLE).</summary>
    public const string AgentNotConfigured = "agent-not-configured";

    /// <summary>The agent's reply did not match the request, so none of its answers is used (UNAVAILABLE).</summary>
    public const string AnswerMalformed = "answer-malformed";

    /// <summary>The agent did not answer before the deadline (DEADLINE_EXCEEDED).</summary>
    public const string DeadlineExceeded = "deadline-exceeded";

    /// <summary>The call was cancelled, by the caller or because the coordinator stopped (CANCELLED).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The agent rejected the decision (PERMISSION_DENIED, UNAUTHENTICATED) (REFUSED).</summary>
    public const string DecisionRejected = "decision-rejected";

    /// <summary>The agent's request or quota limit was reached (RESOURCE_EXHAUSTED) (REFUSED).</summary>
    public const string LimitReached = "limit-reached";

    /// <summary>The agent rejected the request as malformed (INVALID_ARGUMENT) (REFUSED).</summary>
    public const string RequestRejected = "request-rejected";

    /// <summary>Token scheme, normaliser profile or key epoch differ, or the agent lacks the call (VERSION_MISMATCH).</summary>
    public const string VersionMismatch = "version-mismatch";

    /// <summary>The coordinator failed while asking this agent (UNAVAILABLE).</summary>
    public const string CoordinatorError = "coordinator-error";

    /// <summary>The coordinator stopped while the query ran; repeat the query (CANCELLED, query not completed).</summary>
    public const string CoordinatorRestarted = "coordinator-restarted";

    /// <summary>The query is still running (outcome UNSPECIFIED, query not completed).</summary>
    public const string QueryInProgress = "query-in-progress";

    /// <summary>Returns the code at the start of a reason text, or null when it has none.</summary>
    public static string? GetCode(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return null;
        }

        var end = reason.IndexOf(':', StringComparison.Ordinal);
        return end > 0 ? reason[..end] : null;
    }
}
