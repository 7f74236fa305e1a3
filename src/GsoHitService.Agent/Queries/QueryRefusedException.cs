namespace GsoHitService.Agent.Queries;

/// <summary>Why a request was refused; the service maps each reason to one gRPC status code.</summary>
internal enum QueryRefusalReason
{
    /// <summary>Malformed request, for example a token that is not 32 bytes (INVALID_ARGUMENT).</summary>
    InvalidRequest,

    /// <summary>Token scheme, normaliser profile or key epoch differ from the agent's (FAILED_PRECONDITION).</summary>
    ContextMismatch,

    /// <summary>More tokens in one request than the per-request cap (RESOURCE_EXHAUSTED).</summary>
    RequestCapExceeded,

    /// <summary>The caller's rolling quota would be exceeded (RESOURCE_EXHAUSTED).</summary>
    QuotaExceeded,

    /// <summary>The request carries no decision that allows it (PERMISSION_DENIED).</summary>
    NotAuthorized,

    /// <summary>The connection carries no client certificate (UNAUTHENTICATED).</summary>
    Unauthenticated,

    /// <summary>A source could not be read for a content release (UNAVAILABLE).</summary>
    SourceUnavailable,
}

/// <summary>
/// A request that the agent refuses to answer. The message goes to the caller and the audit log,
/// so it names kinds, counts and settings, never an identifier or a full token.
/// </summary>
/// <param name="reason">The kind of refusal, which sets the gRPC status code.</param>
/// <param name="message">What was wrong and what to do.</param>
/// <param name="reasonCode">A finer, stable code sent as a trailer, for example <c>decision-expired</c>; null when the reason says enough.</param>
/// <param name="decisionId">Id of the refused decision when it could be read, for the audit log.</param>
internal sealed class QueryRefusedException(QueryRefusalReason reason, string message, string? reasonCode = null, string? decisionId = null)
    : Exception(message)
{
    public QueryRefusalReason Reason { get; } = reason;

    public string? ReasonCode { get; } = reasonCode;

    public string? DecisionId { get; } = decisionId;
}
