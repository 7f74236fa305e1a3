using Grpc.Core;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

/// <summary>
/// The call's deadline and cancellation must stop the agent's lookup work, not only the client.
/// Lookups are slowed to 200 ms per batch of 4,096 tokens, so a 120,000-token query would take
/// about 6 seconds.
/// </summary>
public sealed class CancellationTests
{
    private const int ProbeCount = 120_000;

    [Fact]
    public async Task QueryHits_DeadlinePasses_AgentStopsLookingUp()
    {
        await using var host = await StartSlowAgentAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request((IdentifierType.Bsn, TestTokens.Concatenate(TestTokens.Random(ProbeCount, seed: 51))));
        await OpenConnectionAsync(client);

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        var auditedAfter = await WaitUntilAuditedAsync(host);

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
        Assert.True(auditedAfter < TimeSpan.FromSeconds(2), $"The agent stopped {auditedAfter.TotalMilliseconds:F0} ms after the deadline.");
        await AssertWorkStoppedAsync(host);
    }

    [Fact]
    public async Task QueryHits_ClientCancels_AgentStopsLookingUp()
    {
        await using var host = await StartSlowAgentAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request((IdentifierType.Bsn, TestTokens.Concatenate(TestTokens.Random(ProbeCount, seed: 52))));
        await OpenConnectionAsync(client);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(1500));

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: AgentClients.Deadline(30), cancellationToken: cancellation.Token).ResponseAsync);
        var auditedAfter = await WaitUntilAuditedAsync(host);

        Assert.Equal(StatusCode.Cancelled, failure.StatusCode);
        Assert.True(auditedAfter < TimeSpan.FromSeconds(2), $"The agent stopped {auditedAfter.TotalMilliseconds:F0} ms after the cancellation.");
        await AssertWorkStoppedAsync(host);
    }

    [Fact]
    public async Task ScreenHits_ClientCancelsWhileSending_IsAuditedCancelled()
    {
        await using var host = await StartSlowAgentAsync();
        var client = AgentClients.CreateClient(host);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = client.ScreenHits(deadline: AgentClients.Deadline(30), cancellationToken: cancellation.Token);

        await call.RequestStream.WriteAsync(AgentClients.Header((IdentifierType.Bsn, TestTokens.Concatenate(TestTokens.Random(10, seed: 53)))), TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        call.Dispose();
        await WaitUntilAuditedAsync(host);

        var record = Assert.Single(host.Audit.Records);
        Assert.Equal(AuditOutcome.Cancelled, record.Outcome);
        Assert.Equal(0, host.Progress.Total);
    }

    private static Task<AgentTestHost> StartSlowAgentAsync() => AgentTestHost.StartAsync(setup =>
        setup.ConfigureServices += services => services.Replace(ServiceDescriptor.Singleton<LookupProgress, SlowLookupProgress>()));

    /// <summary>
    /// Opens the connection before the timed call, so that the handshake does not eat into its
    /// deadline: a deadline that passes while the request is still being received ends the call
    /// before the agent's handler runs.
    /// </summary>
    private static async Task OpenConnectionAsync(GsoHitService.Protocol.V1.DepartmentAgent.DepartmentAgentClient client) =>
        await client.GetAgentInfoAsync(new GsoHitService.Protocol.V1.AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Waits for the agent's audit record of the interrupted call and returns how long that took.</summary>
    private static async Task<TimeSpan> WaitUntilAuditedAsync(AgentTestHost host)
    {
        var started = DateTime.UtcNow;
        var deadline = started.AddSeconds(10);
        while (host.Audit.Records.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The agent did not audit the interrupted call within 10 seconds.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return DateTime.UtcNow - started;
    }

    private static async Task AssertWorkStoppedAsync(AgentTestHost host)
    {
        var checkedWhenStopped = host.Progress.Total;
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        Assert.Equal(checkedWhenStopped, host.Progress.Total);
        Assert.InRange(checkedWhenStopped, 1, ProbeCount / 2);
        Assert.Equal(AuditOutcome.Cancelled, Assert.Single(host.Audit.Records).Outcome);
    }

    /// <summary>Makes each batch of lookups take 200 ms, ending early when the call is cancelled.</summary>
    private sealed class SlowLookupProgress(System.Diagnostics.Metrics.IMeterFactory meterFactory) : LookupProgress(meterFactory)
    {
        public override void OnBatchChecked(int probeCount, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            base.OnBatchChecked(probeCount, cancellationToken);
        }
    }
}
