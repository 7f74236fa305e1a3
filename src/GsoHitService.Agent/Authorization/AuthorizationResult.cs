namespace GsoHitService.Agent.Authorization;

/// <summary>Outcome of <see cref="IRequestAuthorizer.AuthorizeAsync"/>.</summary>
/// <param name="IsAllowed">Whether the request may be answered.</param>
/// <param name="DecisionId">Id of the decision that allows it, for the audit log; null when none was verified.</param>
/// <param name="RefusalReason">Why the request is refused; null when allowed. Sent to the caller, so no identifiers.</param>
internal sealed record AuthorizationResult(bool IsAllowed, string? DecisionId, string? RefusalReason)
{
    public static AuthorizationResult Allow(string? decisionId) => new(true, decisionId, null);

    public static AuthorizationResult Refuse(string reason) => new(false, null, reason);
}
