using GsoHitService.Agent.Queries;
using GsoHitService.Decisions;

namespace GsoHitService.Agent.Authorization;

/// <summary>What a request asks for, as the authorizer needs it.</summary>
/// <param name="Kind">Hit query, screening or content release.</param>
/// <param name="RequestId">The coordinator's query id or release id.</param>
/// <param name="Caller">The client certificate that sent the request.</param>
/// <param name="Decision">The signed decision, or null when the request carries none.</param>
/// <param name="Probes">The complete probe set of a hit query or screening; empty for a content release.</param>
/// <param name="Release">The subjects and fields of a content release; null for a hit query or screening.</param>
internal sealed record AuthorizationRequest(
    RequestKind Kind,
    string RequestId,
    CallerIdentity Caller,
    SignedDecisionEnvelope? Decision,
    IReadOnlyList<ProbeGroup> Probes,
    RequestedRelease? Release = null);

/// <summary>Kind of request, as audited and authorised.</summary>
internal enum RequestKind
{
    HitQuery,
    HitScreening,
    ContentRelease,
}
