using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using GsoHitService.Audit;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class AuditLogTests
{
    [Fact]
    public async Task AuditLog_QueriesAndRefusals_FormIntactChainOfCountsOnly()
    {
        await using var host = await AgentTestHost.StartAsync(setup =>
        {
            setup.UseAuditLogFile = true;
            setup.Agent["Limits"] = new JsonObject { ["MaxProbesPerRequest"] = 5 };
        });
        var client = AgentClients.CreateClient(host);
        var held = host.BsnToken("123456782");

        var answered = AgentClients.Request((IdentifierType.Bsn, [.. held, .. host.BsnToken("111222333"), .. host.BsnToken("999999990")]));
        await client.QueryHitsAsync(answered, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);
        var tooMany = AgentClients.Request((IdentifierType.Bsn, [.. Enumerable.Repeat(held, 6).SelectMany(token => token)]));
        await Assert.ThrowsAsync<RpcException>(() => client.QueryHitsAsync(tooMany, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        var path = Path.Combine(host.ContentRoot, "audit", "agent-audit.log");
        await host.StopAppAsync();

        var verification = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        var text = string.Join("\n", lines);

        Assert.True(verification.IsIntact, verification.FirstBreak?.Detail);
        Assert.Equal(2, verification.EntriesChecked);
        Assert.Contains(answered.QueryId, lines[0], StringComparison.Ordinal);
        Assert.Contains("\"hit-query\"", lines[0], StringComparison.Ordinal);
        Assert.Contains(tooMany.QueryId, lines[1], StringComparison.Ordinal);
        Assert.Contains("RequestCapExceeded", lines[1], StringComparison.Ordinal);
        foreach (var bsn in new[] { "123456782", "111222333", "999999990" })
        {
            Assert.DoesNotContain(bsn, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(bsn))), text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(Convert.ToHexString(held), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(held.AsSpan(0, 8)), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_AuditLogWithDamagedLastLine_Stops()
    {
        await using var host = AgentTestHost.Build(setup =>
        {
            setup.UseAuditLogFile = true;
            setup.ContentRoot.WriteFile(Path.Combine("audit", "agent-audit.log"), "{\"sequence\":1,\"trunc");
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(host.StartAppAsync);

        Assert.Contains("agent-audit.log", failure.Message, StringComparison.Ordinal);
    }
}
