using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Reports the agent healthy only while a current index answers queries, so that the gRPC health
/// service says NOT_SERVING during the first load, after a failed load and when the index is stale.
/// </summary>
internal sealed class IndexHealthCheck(IIndexStatusSource indexStatus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = indexStatus.Current;
        var result = status.State == IndexState.Ready
            ? HealthCheckResult.Healthy($"Index ready: {status.TokenCount} tokens, loaded at {status.LastSuccessfulLoad:u}.")
            : HealthCheckResult.Unhealthy($"Index {status.State}: {status.UnavailableReason}");

        return Task.FromResult(result);
    }
}
