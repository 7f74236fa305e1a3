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

    /// <summary>The request type is not offered yet (UNIMPLEMENTED).</summary>
    NotImplemented,
}

/// <summary>
/// A request that the agent refuses to answer. The message goes to the caller and the audit log,
/// so it names kinds, counts and settings, never an identifier or a full token.
/// </summary>
internal sealed class QueryRefusedException(QueryRefusalReason reason, string message) : Exception(message)
{
    public QueryRefusalReason Reason { get; } = reason;
}
