using System.Text.Json.Nodes;
using Grpc.Core;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.Logging;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class QueryHitsTests
{
    [Fact]
    public async Task QueryHits_HeldAndAbsentIdentifiers_AnswersHitNoHitAndNotHeld()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request(
            (IdentifierType.Bsn, [.. host.BsnToken("123456782"), .. host.BsnToken("999999990")]),
            (IdentifierType.KvkNumber, host.Token(IdentifierType.KvkNumber, "87654321")),
            (IdentifierType.Address, host.Token(IdentifierNormalizer.Normalize(IdentifierType.Address, "1234AB;2"))),
            (IdentifierType.Iban, host.Token(IdentifierType.Iban, "NL91ABNA0417164300")));

        var reply = await client.QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, reply.Answers.Count);
        Assert.Equal([HitAnswer.Hit, HitAnswer.NoHit], reply.Answers[0].Answers);
        Assert.Equal([HitAnswer.Hit], reply.Answers[1].Answers);
        Assert.Equal([HitAnswer.Hit], reply.Answers[2].Answers);
        Assert.Equal([HitAnswer.NotHeld], reply.Answers[3].Answers);
        Assert.NotNull(reply.IndexLoadedAt);
    }

    [Fact]
    public async Task QueryHits_Answered_IsAuditedWithCountsOnly()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request((IdentifierType.Bsn, [.. host.BsnToken("111222333"), .. host.BsnToken("999999990")]));

        await client.QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        var record = Assert.Single(host.Audit.Records);
        Assert.Equal(AuditOutcome.Answered, record.Outcome);
        Assert.Equal(request.QueryId, record.RequestId);
        Assert.Equal(2, record.ProbeCount);
        Assert.Equal(1, record.Answers!.Value.Hits);
        Assert.Equal(1, record.Answers!.Value.NoHits);
        Assert.Contains("CN=" + GsoHitService.TestSupport.TestCertificates.ClientCommonName, record.Caller.Subject, StringComparison.Ordinal);
        Assert.Equal(64, record.Caller.Thumbprint.Length);
    }

    public static TheoryData<uint, string, string> MismatchedContexts => new()
    {
        { 2, NormaliserProfile.Id, AgentTestHost.KeyEpoch },
        { TokenScheme.Version, "nl-0", AgentTestHost.KeyEpoch },
        { TokenScheme.Version, NormaliserProfile.Id, "2025-12" },
    };

    [Theory]
    [MemberData(nameof(MismatchedContexts))]
    public async Task QueryHits_OtherSchemeProfileOrEpoch_FailsPreconditionNeverNoHit(uint scheme, string profile, string epoch)
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken("123456782")));
        request.Context = new MatchContext { TokenSchemeVersion = scheme, NormaliserProfile = profile, KeyEpoch = epoch };

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, failure.StatusCode);
        Assert.Equal(AuditOutcome.Refused, Assert.Single(host.Audit.Records).Outcome);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public async Task QueryHits_TokenOfWrongLength_IsInvalidArgument(int length)
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var token = host.BsnToken("123456782");
        var wrongLength = length < token.Length ? token[..length] : [.. token, 0];
        var request = AgentClients.UnsignedRequest((IdentifierType.Bsn, wrongLength));

        // A decision can only approve whole tokens; this one approves the correct token.
        request.Decision = AgentClients.ApproveProbes((IdentifierType.Bsn, token));

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    [Fact]
    public async Task QueryHits_OverRequestCap_IsResourceExhaustedAndWarned()
    {
        await using var host = await AgentTestHost.StartAsync(setup => setup.Agent["Limits"] = new JsonObject { ["MaxProbesPerRequest"] = 10 });
        var client = AgentClients.CreateClient(host);
        var tokens = TestTokens.Concatenate(TestTokens.Random(11, seed: 21));

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(AgentClients.Request((IdentifierType.Bsn, tokens)), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
        Assert.Single(host.Logs.WithEvent("RequestCapExceeded"), entry => entry.Level == LogLevel.Warning);
        Assert.Equal(0, host.Progress.Total);
    }

    [Fact]
    public async Task QueryHits_OverCallerQuota_IsResourceExhaustedAndWarned()
    {
        await using var host = await AgentTestHost.StartAsync(setup =>
            setup.Agent["Limits"] = new JsonObject { ["MaxProbesPerRequest"] = 10, ["MaxProbesPerCaller"] = 25, ["QuotaWindow"] = "01:00:00" });
        var client = AgentClients.CreateClient(host);
        var tokens = TestTokens.Concatenate(TestTokens.Random(10, seed: 22));
        for (var i = 0; i < 2; i++)
        {
            await client.QueryHitsAsync(AgentClients.Request((IdentifierType.Bsn, tokens)), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);
        }

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(AgentClients.Request((IdentifierType.Bsn, tokens)), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
        var warning = Assert.Single(host.Logs.WithEvent("QuotaExceeded"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(Convert.ToHexStringLower(tokens.AsSpan(0, 4)), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAgentInfo_Ready_DescribesDepartmentIndexAndLimits()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);

        var info = await client.GetAgentInfoAsync(new AgentInfoRequest(), deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("brp", info.Department);
        Assert.Equal("Basisregistratie Personen", info.DisplayName);
        Assert.Equal(AgentClients.AgentContext, info.Context);
        Assert.Equal(IndexState.Ready, info.IndexState);
        Assert.Equal("", info.UnavailableReason);
        Assert.NotNull(info.LastSuccessfulLoad);
        Assert.Equal(
            [GsoHitService.Protocol.V1.IdentifierType.Bsn, GsoHitService.Protocol.V1.IdentifierType.KvkNumber, GsoHitService.Protocol.V1.IdentifierType.Address],
            info.IdentifierTypesHeld);

        // Three BSNs and three addresses from the CSV file, two KvK-nummers from SQLite.
        Assert.Equal(8, info.IndexedTokenCount);
        Assert.Equal(200_000, info.MaxProbesPerRequest);
        Assert.Equal(GsoHitService.Hosting.GrpcLimits.MaxMessageBytes, info.MaxMessageBytes);
        Assert.False(string.IsNullOrEmpty(info.AgentVersion));
    }
}
