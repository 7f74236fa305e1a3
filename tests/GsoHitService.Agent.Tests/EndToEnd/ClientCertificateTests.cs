using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using GsoHitService.Protocol.V1;
using GsoHitService.TestSupport;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class ClientCertificateTests
{
    public static TheoryData<string> RefusedClients => ["none", "other CA", "expired", "not yet valid", "not on allow-list"];

    [Theory]
    [MemberData(nameof(RefusedClients))]
    public async Task QueryHits_RefusedClientCertificate_NeverReachesTheAgent(string client)
    {
        await using var host = await AgentTestHost.StartAsync();
        var certificates = TestCertificates.Shared;
        X509Certificate2? certificate = client switch
        {
            "none" => null,
            "other CA" => certificates.ClientOfOtherAuthority,
            "expired" => certificates.ExpiredClient,
            "not yet valid" => certificates.NotYetValidClient,
            _ => certificates.UnlistedClient,
        };
        var agent = new DepartmentAgent.DepartmentAgentClient(AgentClients.CreateChannel(host.Address, certificate));

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => agent.QueryHitsAsync(AgentClients.Request((IdentifierType.Bsn, host.BsnToken("123456782"))), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Empty(host.Audit.Records);
        Assert.Equal(0, host.Progress.Total);
    }

    [Fact]
    public async Task QueryHits_AllowedClientCertificate_IsAnswered()
    {
        await using var host = await AgentTestHost.StartAsync();
        var agent = new DepartmentAgent.DepartmentAgentClient(AgentClients.CreateChannel(host.Address, TestCertificates.Shared.Client));

        var reply = await agent.QueryHitsAsync(AgentClients.Request((IdentifierType.Bsn, host.BsnToken("123456782"))), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([HitAnswer.Hit], reply.Answers[0].Answers);
    }
}
