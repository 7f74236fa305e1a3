using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Hosting;
using GsoHitService.Protocol.V1;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class ScreenHitsTests
{
    [Fact]
    public async Task ScreenHits_SeveralChunks_AnswersEachChunkInOrder()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        using var call = client.ScreenHits(deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(AgentClients.Header((IdentifierType.Bsn, host.BsnToken("111222333"))), TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(AgentClients.Chunk(
            (IdentifierType.Bsn, host.BsnToken("999999990")),
            (IdentifierType.LicencePlate, host.Token(IdentifierType.LicencePlate, "12-XZB-3"))), TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(AgentClients.Chunk((IdentifierType.KvkNumber, host.Token(IdentifierType.KvkNumber, "12345678"))), TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        var replies = await call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, replies.Count);
        Assert.Equal([HitAnswer.Hit], Assert.Single(replies[0].Answers).Answers);
        Assert.Equal([HitAnswer.NoHit], replies[1].Answers[0].Answers);
        Assert.Equal([HitAnswer.NotHeld], replies[1].Answers[1].Answers);
        Assert.Equal([HitAnswer.Hit], Assert.Single(replies[2].Answers).Answers);
        Assert.All(replies, reply => Assert.NotNull(reply.IndexLoadedAt));
    }

    [Fact]
    public async Task ScreenHits_NoHeaderInFirstChunk_IsInvalidArgument()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        using var call = client.ScreenHits(deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(AgentClients.Chunk((IdentifierType.Bsn, host.BsnToken("111222333"))), TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    [Fact]
    public async Task ScreenHits_NoMessages_IsInvalidArgument()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        using var call = client.ScreenHits(deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.CompleteAsync();
        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    [Fact]
    public async Task ScreenHits_StreamOverRequestCap_IsResourceExhausted()
    {
        await using var host = await AgentTestHost.StartAsync(setup => setup.Agent["Limits"] = new JsonObject { ["MaxProbesPerRequest"] = 100 });
        var client = AgentClients.CreateClient(host);
        using var call = client.ScreenHits(deadline: AgentClients.Deadline(), cancellationToken: TestContext.Current.CancellationToken);
        var sixty = TestTokens.Concatenate(TestTokens.Random(60, seed: 31));

        await call.RequestStream.WriteAsync(AgentClients.Header((IdentifierType.Bsn, sixty)), TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(AgentClients.Chunk((IdentifierType.Bsn, sixty)), TestContext.Current.CancellationToken);
        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
    }

    [Fact]
    public async Task ScreenHits_ChunksTogetherOverMessageLimit_AreAllAnswered()
    {
        // 200,000 tokens are 6.4 MB: more than one message may carry, so they go in four chunks.
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        using var call = client.ScreenHits(deadline: AgentClients.Deadline(30), cancellationToken: TestContext.Current.CancellationToken);
        var held = host.BsnToken("012345672");

        await call.RequestStream.WriteAsync(AgentClients.Header((IdentifierType.Bsn, held)), TestContext.Current.CancellationToken);
        for (var chunk = 0; chunk < 4; chunk++)
        {
            var tokens = TestTokens.Concatenate(TestTokens.Random(chunk < 3 ? 50_000 : 49_999, seed: 40 + chunk));
            await call.RequestStream.WriteAsync(AgentClients.Chunk((IdentifierType.Bsn, tokens)), TestContext.Current.CancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var replies = await call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, replies.Count);
        Assert.Equal(200_000, replies.Sum(reply => reply.Answers.Sum(group => group.Answers.Count)));
        Assert.Equal(HitAnswer.Hit, replies[0].Answers[0].Answers[0]);
        Assert.Equal(199_999, replies.Skip(1).Sum(reply => reply.Answers.Sum(group => group.Answers.Count(answer => answer == HitAnswer.NoHit))));
    }
}

public sealed class MessageLimitTests
{
    [Fact]
    public async Task QueryHits_LargestRequestUnderLimit_IsAnswered()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = RequestOfSize(LargestTokenCountWithin(GrpcLimits.MaxMessageBytes));

        var reply = await client.QueryHitsAsync(request, deadline: AgentClients.Deadline(30), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(request.CalculateSize() <= GrpcLimits.MaxMessageBytes);
        Assert.Equal(request.Probes[0].Tokens.Length / 32, reply.Answers[0].Answers.Count);
    }

    [Fact]
    public async Task QueryHits_OneTokenOverLimit_IsRejectedByServerNotAnswered()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host, unlimitedSend: true);
        var request = RequestOfSize(LargestTokenCountWithin(GrpcLimits.MaxMessageBytes) + 1);

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: AgentClients.Deadline(30), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.True(request.CalculateSize() > GrpcLimits.MaxMessageBytes);
        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
        Assert.Equal(0, host.Progress.Total);
    }

    [Fact]
    public async Task QueryHits_OneTokenOverLimit_IsRejectedByClientBeforeSending()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = RequestOfSize(LargestTokenCountWithin(GrpcLimits.MaxMessageBytes) + 1);

        var failure = await Assert.ThrowsAsync<RpcException>(
            () => client.QueryHitsAsync(request, deadline: AgentClients.Deadline(30), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
        Assert.Empty(host.Audit.Records);
    }

    /// <summary>Finds the most tokens in one BSN group whose request still fits <paramref name="limit"/> bytes.</summary>
    private static int LargestTokenCountWithin(int limit)
    {
        var count = limit / 32;
        while (RequestOfSize(count).CalculateSize() > limit)
        {
            count--;
        }

        return count;
    }

    private static HitQueryRequest RequestOfSize(int tokenCount)
    {
        var request = AgentClients.Request((IdentifierType.Bsn, new byte[tokenCount * 32]));
        request.QueryId = "query-at-the-message-limit";
        request.Decision = new SignedDecision { Payload = ByteString.CopyFrom(new byte[64]) };
        return request;
    }
}
