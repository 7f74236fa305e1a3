namespace GsoHitService.Agent.Authorization;

/// <summary>Outcome of <see cref="IRequestAuthorizer.AuthorizeAsync"/>.</summary>
/// <param name="IsAllowed">Whether the request may be answered.</param>
/// <param name="DecisionId">
/// Id of the decision that the request carries, for the audit log: the one that allows it, or the
/// refused one when it could be read; null when the request carries no readable decision.
/// </param>
/// <param name="ReasonCode">Stable code of the refusal, for example <c>Expired</c>; null when allowed.</param>
/// <param name="RefusalReason">Why the request is refused; null when allowed. Sent to the caller, so no identifiers.</param>
internal sealed record AuthorizationResult(bool IsAllowed, string? DecisionId, string? ReasonCode, string? RefusalReason)
{
    public static AuthorizationResult Allow(string decisionId) => new(true, decisionId, null, null);

    public static AuthorizationResult Refuse(string? decisionId, string reasonCode, string reason) => new(false, decisionId, reasonCode, reason);
}
