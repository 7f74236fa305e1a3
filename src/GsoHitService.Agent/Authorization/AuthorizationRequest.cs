using GsoHitService.Agent.Queries;

namespace GsoHitService.Agent.Authorization;

/// <summary>What a request asks for, as the authorizer needs it.</summary>
/// <param name="Kind">Hit query, screening or content release.</param>
/// <param name="RequestId">The coordinator's query id or release id.</param>
/// <param name="Caller">The client certificate that sent the request.</param>
/// <param name="Decision">The signed decision, or null when the request carries none.</param>
/// <param name="Probes">The complete probe set; empty for a content release.</param>
internal sealed record AuthorizationRequest(
    RequestKind Kind,
    string RequestId,
    CallerIdentity Caller,
    SignedDecisionEnvelope? Decision,
    IReadOnlyList<ProbeGroup> Probes);

/// <summary>Kind of request, as audited and authorised.</summary>
internal enum RequestKind
{
    HitQuery,
    HitScreening,
    ContentRelease,
}
