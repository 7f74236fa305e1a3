using GsoHitService.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Authorization;

/// <summary>
/// Stand-in until signed decisions are verified: refuses every request, unless
/// <c>Agent:Decisions:Enforcement</c> is <c>Off</c>, which allows every request from a caller
/// that passed the client-certificate allow-list. <c>Off</c> is for development set-ups only.
/// </summary>
// TODO: Replace with an authorizer that verifies the request's decision with the decision
// verifier of GsoHitService.Decisions (roster, threshold, expiry, department, exact probe set,
// single use). Until then no agent with enforcement on answers any query.
internal sealed partial class UnverifiedDecisionAuthorizer(IOptions<AgentOptions> options, ILogger<UnverifiedDecisionAuthorizer> logger)
    : IRequestAuthorizer
{
    public ValueTask<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (options.Value.Decisions.IsEnforcementOff)
        {
            Log.AllowedWithoutDecision(logger, request.Kind, request.Caller.Thumbprint);
            return ValueTask.FromResult(AuthorizationResult.Allow(decisionId: null));
        }

        return ValueTask.FromResult(AuthorizationResult.Refuse(
            "This agent cannot verify signed decisions yet, so it refuses every request while Agent:Decisions:Enforcement is On."));
    }

    private static partial class Log
    {
        // Debug, not Warning: the start-up log already warns once that enforcement is off.
        [LoggerMessage(EventId = 3001, EventName = "AllowedWithoutDecision", Level = LogLevel.Debug,
            Message = "{Kind} from {CallerThumbprint} allowed without a verified decision because Agent:Decisions:Enforcement is Off")]
        public static partial void AllowedWithoutDecision(ILogger logger, RequestKind kind, string callerThumbprint);
    }
}
