namespace GsoHitService.Agent.Authorization;

/// <summary>
/// Decides whether a request may be answered, before the agent looks up any token or releases
/// any field. The implementation verifies the signed kerngroep decision that the request carries:
/// signatures against the roster, threshold, expiry, this department named, and that the probe set
/// is exactly the approved one.
/// </summary>
internal interface IRequestAuthorizer
{
    /// <summary>Checks one request; a refusal is returned, not thrown.</summary>
    ValueTask<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken);
}
