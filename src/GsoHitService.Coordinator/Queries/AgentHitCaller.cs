using Google.Protobuf;
using Grpc.Core;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.Options;
using HitAnswer = GsoHitService.Coordinator.Domain.HitAnswer;
using WireType = GsoHitService.Protocol.V1.IdentifierType;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// Asks one agent about one department's probe set: in one QueryHits message when the set is
/// small, else streamed through ScreenHits in chunks below the message limit. Never throws for a
/// failed call: every failure becomes a department outcome other than answered, with every
/// answer unavailable.
/// </summary>
internal sealed class AgentHitCaller(IOptions<CoordinatorOptions> options, TimeProvider timeProvider, ILogger<AgentHitCaller> logger)
{
    private readonly CoordinatorQueryOptions _options = options.Value.Queries;

    /// <param name="agent">The department's agent.</param>
    /// <param name="probes">What the department is asked.</param>
    /// <param name="header">Query id, match context and the signed privacy check 1 decision.</param>
    /// <param name="cancellationToken">Cancels the call; the agent's call is cancelled with it.</param>
    public async Task<DepartmentQueryResult> AskAsync(
        AgentConnection agent, DepartmentProbeSet probes, HitQueryHeader header, CancellationToken cancellationToken)
    {
        // The deadline is a UTC instant: a local or unspecified DateTime would shift it by the
        // machine's offset from UTC.
        var deadline = timeProvider.GetUtcNow().UtcDateTime + _options.AgentDeadline;
        var callOptions = new CallOptions(deadline: deadline, cancellationToken: cancellationToken);
        var useStream = probes.TokenCount > _options.MaxInteractiveTokens;

        try
        {
            var answers = new HitAnswer[probes.TokenCount];
            var indexLoadedAt = useStream
                ? await ScreenAsync(agent.Client, probes, header, answers, callOptions, cancellationToken)
                : await QueryAsync(agent.Client, probes, header, answers, callOptions);

            var result = DepartmentQueryResult.Answered(probes, answers, indexLoadedAt);
            CoordinatorLog.DepartmentAnswered(logger, header.QueryId, probes.Department, probes.TokenCount, result.Counts.Hits, result.Counts.Unavailable);
            return result;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var failure = AgentCallFailure.Classify(exception);
            CoordinatorLog.DepartmentNotAnswered(logger, header.QueryId, probes.Department, failure.Outcome, failure.ReasonCode, failure.Detail);
            return DepartmentQueryResult.Failed(probes, failure);
        }
    }

    private static async Task<DateTimeOffset?> QueryAsync(
        DepartmentAgent.DepartmentAgentClient client, DepartmentProbeSet probes, HitQueryHeader header, HitAnswer[] answers, CallOptions callOptions)
    {
        var request = new HitQueryRequest { QueryId = header.QueryId, Context = header.Context, Decision = header.Decision };
        var sent = new List<SentGroup>(probes.Groups.Count);
        var offset = 0;
        foreach (var group in probes.Groups)
        {
            request.Probes.Add(new ProbeGroup { IdentifierType = (WireType)(int)group.Type, Tokens = UnsafeByteOperations.UnsafeWrap(group.TokenBytes) });
            sent.Add(new SentGroup(group.Type, offset, group.Count));
            offset += group.Count;
        }

        var reply = await client.QueryHitsAsync(request, callOptions);

        var reader = new ReplyReader(sent, answers);
        reader.Read(reply.Answers);
        reader.RequireComplete();
        return reply.IndexLoadedAt?.ToDateTimeOffset();
    }

    private async Task<DateTimeOffset?> ScreenAsync(
        DepartmentAgent.DepartmentAgentClient client,
        DepartmentProbeSet probes,
        HitQueryHeader header,
        HitAnswer[] answers,
        CallOptions callOptions,
        CancellationToken cancellationToken)
    {
        using var call = client.ScreenHits(callOptions);
        var sent = new List<SentGroup>();
        var chunk = new HitScreeningChunk { Header = header };
        var chunkTokens = 0;
        var offset = 0;

        foreach (var group in probes.Groups)
        {
            var start = 0;
            while (start < group.Count)
            {
                var count = Math.Min(group.Count - start, _options.ScreeningChunkTokens - chunkTokens);
                var bytes = new ReadOnlyMemory<byte>(group.TokenBytes, start * Matching.MatchToken.Length, count * Matching.MatchToken.Length);
                chunk.Probes.Add(new ProbeGroup { IdentifierType = (WireType)(int)group.Type, Tokens = UnsafeByteOperations.UnsafeWrap(bytes) });
                sent.Add(new SentGroup(group.Type, offset + start, count));
                start += count;
                chunkTokens += count;

                if (chunkTokens == _options.ScreeningChunkTokens)
                {
                    await call.RequestStream.WriteAsync(chunk, cancellationToken);
                    chunk = new HitScreeningChunk();
                    chunkTokens = 0;
                }
            }

            offset += group.Count;
        }

        if (chunkTokens > 0 || chunk.Header is not null)
        {
            await call.RequestStream.WriteAsync(chunk, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();

        var reader = new ReplyReader(sent, answers);
        DateTimeOffset? indexLoadedAt = null;
        await foreach (var reply in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            reader.Read(reply.Answers);
            indexLoadedAt ??= reply.IndexLoadedAt?.ToDateTimeOffset();
        }

        reader.RequireComplete();
        return indexLoadedAt;
    }

    /// <summary>A probe group as sent: its type and its slice of the flat token order.</summary>
    private readonly record struct SentGroup(Matching.IdentifierType Type, int Offset, int Count);

    /// <summary>
    /// Matches reply groups to the sent groups in order and copies their answers. Any mismatch in
    /// count, type or length throws, because answers shifted by one would be attributed to the
    /// wrong subject.
    /// </summary>
    private sealed class ReplyReader(List<SentGroup> sent, HitAnswer[] answers)
    {
        private int _next;

        public void Read(IEnumerable<ProbeGroupAnswers> groups)
        {
            foreach (var group in groups)
            {
                if (_next >= sent.Count)
                {
                    throw new InvalidAgentReplyException($"The agent answered more than the {sent.Count} probe groups that were sent.");
                }

                var expected = sent[_next];
                if ((int)group.IdentifierType != (int)expected.Type || group.Answers.Count != expected.Count)
                {
                    throw new InvalidAgentReplyException(
                        $"Probe group {_next} was sent as type {(int)expected.Type} with {expected.Count} tokens, but answered as type {(int)group.IdentifierType} with {group.Answers.Count} answers.");
                }

                for (var i = 0; i < expected.Count; i++)
                {
                    answers[expected.Offset + i] = (HitAnswer)(int)group.Answers[i];
                }

                _next++;
            }
        }

        public void RequireComplete()
        {
            if (_next != sent.Count)
            {
                throw new InvalidAgentReplyException($"The agent answered {_next} of the {sent.Count} probe groups that were sent.");
            }
        }
    }
}
