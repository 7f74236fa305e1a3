using System.Text;
using GsoHitService.Agent.Queries;
using GsoHitService.Decisions;
using GsoHitService.Protocol;

namespace GsoHitService.Agent.Authorization;

/// <summary>
/// Allows a request only with a signed kerngroep decision that this agent verifies itself, with
/// the roster and thresholds that the department configured (<c>CoreTeam</c>): a privacy check 1
/// decision for a hit query or screening that approves exactly its probe set, a privacy check 2
/// decision for a content release that approves exactly its subjects and fields. The coordinator is
/// not trusted to have checked anything.
/// </summary>
internal sealed partial class SignedDecisionAuthorizer(DecisionVerifier verifier, AgentDescriptor agent, ILogger<SignedDecisionAuthorizer> logger)
    : IRequestAuthorizer
{
    /// <exception cref="IOException">The use of a valid decision could not be written, so the request must fail.</exception>
    public ValueTask<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (request.Decision is not { Payload.Length: > 0 } envelope)
        {
            Log.DecisionMissing(logger, request.Kind, request.RequestId);
            return ValueTask.FromResult(AuthorizationResult.Refuse(null, AgentErrorCodes.ReasonDecisionMissing,
                "The request carries no signed decision. Every hit query needs a signed privacy check 1 decision and every content release a signed privacy check 2 decision."));
        }

        var signed = new SignedDecision(
            envelope.Payload,
            [.. envelope.Signatures.Select(signature => new DecisionSignature(signature.MemberId, signature.Signature))]);

        // The session has already refused a request whose match context differs from the agent's,
        // so the agent's own context is the request's.
        var context = new TokenContext((int)agent.Context.TokenSchemeVersion, agent.Context.NormaliserProfile, agent.Context.KeyEpoch);
        var verification = request.Kind == RequestKind.ContentRelease
            ? verifier.VerifyContentRelease(signed, agent.Department, ReleaseScope(context, request))
            : verifier.VerifyHitQuery(signed, agent.Department, HitQueryScope.FromProbes(context, request.Probes.SelectMany(group => SubjectToken.FromConcatenated(group.Type, group.Tokens.Span))));

        // The agent's use record does not flush each use (verification.UseOnDisk is complete), because
        // the audit entry written before the reply names the decision and is restored at start-up.
        var result = verification.IsValid
            ? AuthorizationResult.Allow(verification.DecisionId!)
            : AuthorizationResult.Refuse(verification.DecisionId, ReasonCode(verification.Status), $"The signed decision was refused ({verification.Status}): {verification.Detail}");
        return ValueTask.FromResult(result);
    }

    /// <summary>The status as a reason code, for example <c>decision-threshold-not-met</c>.</summary>
    internal static string ReasonCode(DecisionVerificationStatus status)
    {
        var name = status.ToString();
        var code = new StringBuilder(AgentErrorCodes.DecisionReasonPrefix, AgentErrorCodes.DecisionReasonPrefix.Length + name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }

    private static ContentReleaseScope ReleaseScope(TokenContext context, AuthorizationRequest request)
    {
        var release = request.Release ?? throw new InvalidOperationException("A content release reached the authorizer without its subjects and fields.");
        return new ContentReleaseScope(context, release.Subjects, release.Fields);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, EventName = "DecisionMissing", Level = LogLevel.Warning,
            Message = "{Kind} {RequestId} carries no signed decision")]
        public static partial void DecisionMissing(ILogger logger, RequestKind kind, string requestId);
    }
}
