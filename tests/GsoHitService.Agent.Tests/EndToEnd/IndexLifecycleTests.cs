using Grpc.Health.V1;
using GsoHitService.Protocol.V1;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class IndexLifecycleTests
{
    [Fact]
    public async Task QueryHits_DuringFirstLoad_IsUnavailableUntilLoaded()
    {
        await using var host = await AgentTestHost.StartAsync(setup => setup.GateSources(), waitForFirstLoad: false);
        var client = AgentClients.CreateClient(host);

        var during = await QueryAsync(host, client, "123456782");
        var infoDuring = await client.GetAgentInfoAsync(new AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);
        var healthDuring = await CheckHealthAsync(host);
        host.Setup.Gate.SetResult();
        await host.WaitForLoadsAsync(1);
        var after = await QueryAsync(host, client, "123456782");

        Assert.Equal([HitAnswer.Unavailable], during.Answers[0].Answers);
        Assert.Equal([HitAnswer.NotHeld], during.Answers[1].Answers);
        Assert.Null(during.IndexLoadedAt);
        Assert.Equal(IndexState.Loading, infoDuring.IndexState);
        Assert.NotEmpty(infoDuring.UnavailableReason);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, healthDuring);
        Assert.Equal([HitAnswer.Hit], after.Answers[0].Answers);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await CheckHealthAsync(host));
    }

    [Fact]
    public async Task QueryHits_AfterFailedLoad_IsUnavailableWithReason()
    {
        await using var host = await AgentTestHost.StartAsync(setup => setup.ContentRoot.WriteFile("data/personen.csv", "nummer;postcode;huisnummer\n123456782;1234AB;1\n"));
        var client = AgentClients.CreateClient(host);

        var reply = await QueryAsync(host, client, "123456782");
        var info = await client.GetAgentInfoAsync(new AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([HitAnswer.Unavailable], reply.Answers[0].Answers);
        Assert.Equal(IndexState.Failed, info.IndexState);
        Assert.Contains("personen-csv", info.UnavailableReason, StringComparison.Ordinal);
        Assert.DoesNotContain("123456782", info.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(0, info.IndexedTokenCount);
        Assert.Null(info.LastSuccessfulLoad);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await CheckHealthAsync(host));
    }

    [Fact]
    public async Task SourceFileFixed_AfterFailedLoad_StaysUnavailableUntilReloaded()
    {
        await using var host = await AgentTestHost.StartAsync(setup =>
        {
            setup.GateSources();
            setup.Gate.SetResult();
            setup.ContentRoot.WriteFile("data/personen.csv", "nummer;postcode;huisnummer\n123456782;1234AB;1\n");
        });
        var client = AgentClients.CreateClient(host);

        host.Setup.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Setup.WriteCsv(AgentTestSetup.CsvBsns);
        await WaitForLoadStartsAsync(host, 2);
        var during = await QueryAsync(host, client, "123456782");
        host.Setup.Gate.SetResult();
        await host.WaitForLoadsAsync(2);
        var after = await QueryAsync(host, client, "123456782");

        Assert.Equal([HitAnswer.Unavailable], during.Answers[0].Answers);
        Assert.Equal([HitAnswer.Hit], after.Answers[0].Answers);
    }

    [Fact]
    public async Task SourceFileChanged_AfterSuccessfulLoad_SwapsIndexWhenReloadCompletes()
    {
        await using var host = await AgentTestHost.StartAsync(setup =>
        {
            setup.GateSources();
            setup.Gate.SetResult();
        });
        var client = AgentClients.CreateClient(host);

        host.Setup.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Setup.WriteCsv(["999999990"]);
        await WaitForLoadStartsAsync(host, 2);
        var during = await QueryAsync(host, client, "123456782", "999999990");
        host.Setup.Gate.SetResult();
        await host.WaitForLoadsAsync(2);
        var after = await QueryAsync(host, client, "123456782", "999999990");

        Assert.Equal([HitAnswer.Hit, HitAnswer.NoHit], during.Answers[0].Answers);
        Assert.Equal([HitAnswer.NoHit, HitAnswer.Hit], after.Answers[0].Answers);
        Assert.True(after.IndexLoadedAt.ToDateTimeOffset() > during.IndexLoadedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task SourceFileBroken_AfterSuccessfulLoad_DropsPreviousIndex()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);

        host.Setup.ContentRoot.WriteFile("data/personen.csv", "nummer;postcode;huisnummer\n123456782;1234AB;1\n");
        await host.WaitForLoadsAsync(2);
        var reply = await QueryAsync(host, client, "123456782");
        var info = await client.GetAgentInfoAsync(new AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([HitAnswer.Unavailable], reply.Answers[0].Answers);
        Assert.Equal(IndexState.Failed, info.IndexState);
        Assert.NotNull(info.LastSuccessfulLoad);
    }

    [Fact]
    public async Task SqliteSourceBroken_FailsWholeLoad()
    {
        // The CSV source is fine; one failing source must still fail the whole load.
        await using var host = await AgentTestHost.StartAsync(setup =>
            setup.Agent["Sources"]![1]!["Sql"]!["Query"] = "SELECT kvk FROM vergunning_bestaat_niet");
        var client = AgentClients.CreateClient(host);

        var reply = await QueryAsync(host, client, "123456782");
        var info = await client.GetAgentInfoAsync(new AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([HitAnswer.Unavailable], reply.Answers[0].Answers);
        Assert.Equal(IndexState.Failed, info.IndexState);
        Assert.Contains("vergunningen-sqlite", info.UnavailableReason, StringComparison.Ordinal);
    }

    private static async Task<HitQueryReply> QueryAsync(AgentTestHost host, DepartmentAgent.DepartmentAgentClient client, params string[] bsns) =>
        await client.QueryHitsAsync(
            AgentClients.Request(
                (IdentifierType.Bsn, [.. bsns.SelectMany(host.BsnToken)]),
                (IdentifierType.Iban, host.Token(IdentifierType.Iban, "NL91ABNA0417164300"))),
            deadline: AgentClients.Deadline(),
            cancellationToken: TestContext.Current.CancellationToken);

    private static async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(AgentTestHost host)
    {
        var health = new Health.HealthClient(AgentClients.CreateChannel(host.Address, GsoHitService.TestSupport.TestCertificates.Shared.Client));
        var response = await health.CheckAsync(new HealthCheckRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);
        return response.Status;
    }

    private static async Task WaitForLoadStartsAsync(AgentTestHost host, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (host.Logs.WithEvent("IndexLoadStarted").Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} index loads started in time.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
