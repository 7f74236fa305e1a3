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

        var messages = AgentClients.Screening(
            [(IdentifierType.Bsn, host.BsnToken("111222333"))],
            [(IdentifierType.Bsn, host.BsnToken("999999990")), (IdentifierType.LicencePlate, host.Token(IdentifierType.LicencePlate, "12-XZB-3"))],
            [(IdentifierType.KvkNumber, host.Token(IdentifierType.KvkNumber, "12345678"))]);

        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message, TestContext.Current.CancellationToken);
        }

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
        var chunks = Enumerable.Range(0, 4)
            .Select(chunk => new[] { (IdentifierType.Bsn, TestTokens.Concatenate(TestTokens.Random(chunk < 3 ? 50_000 : 49_999, seed: 40 + chunk))) })
            .Prepend([(IdentifierType.Bsn, held)])
            .ToArray();

        foreach (var message in AgentClients.Screening(chunks))
        {
            await call.RequestStream.WriteAsync(message, TestContext.Current.CancellationToken);
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
        var sameSizeDecision = AgentClients.ApproveProbes((IdentifierType.Bsn, new byte[32]));
        while (RequestOfSize(count, sameSizeDecision).CalculateSize() > limit)
        {
            count--;
        }

        return count;
    }

    /// <summary>
    /// A request of <paramref name="tokenCount"/> BSN tokens with a decision that approves them. A
    /// decision names a digest of the tokens, so its size does not depend on their number: the search
    /// for the largest request uses one decision of the same size, and only the result is signed for
    /// its own tokens.
    /// </summary>
    private static HitQueryRequest RequestOfSize(int tokenCount, SignedDecision? sameSizeDecision = null)
    {
        // Sizes do not depend on token values, so the search uses zeros.
        var tokens = sameSizeDecision is null ? TestTokens.Concatenate(TestTokens.Random(tokenCount, seed: 77)) : new byte[tokenCount * 32];
        var request = AgentClients.UnsignedRequest((IdentifierType.Bsn, tokens));
        request.QueryId = "query-at-the-message-limit";
        request.Decision = sameSizeDecision ?? AgentClients.ApproveProbes((IdentifierType.Bsn, tokens));
        return request;
    }
}
