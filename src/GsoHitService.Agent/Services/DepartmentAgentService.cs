using Grpc.Core;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using GsoHitService.Hosting;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Agent.Services;

/// <summary>
/// The gRPC service <c>gso.v1.DepartmentAgent</c>. Maps requests to a <see cref="HitQuerySession"/>
/// and its result or refusal back to protobuf; the rules themselves live in <see cref="HitQueryProcessor"/>.
/// </summary>
internal sealed class DepartmentAgentService(
    HitQueryProcessor processor,
    AgentDescriptor agent,
    AgentSources sources,
    IIndexStatusSource indexStatus)
    : DepartmentAgent.DepartmentAgentBase
{
    public override Task<AgentInfo> GetAgentInfo(AgentInfoRequest request, ServerCallContext context)
    {
        var status = indexStatus.Current;
        var info = new AgentInfo
        {
            Department = agent.Department,
            DisplayName = agent.DisplayName,
            Context = ProtocolMapping.ToProto(agent.Context),
            IndexState = ProtocolMapping.ToProto(status.State),
            LastSuccessfulLoad = ProtocolMapping.ToProto(status.LastSuccessfulLoad),
            UnavailableReason = status.UnavailableReason ?? "",
            IndexedTokenCount = status.TokenCount,
            MaxProbesPerRequest = processor.MaxProbesPerRequest,
            MaxMessageBytes = GrpcLimits.MaxMessageBytes,
            AgentVersion = AgentDescriptor.SoftwareVersion,
        };
        info.IdentifierTypesHeld.AddRange(sources.HeldTypes.Order().Select(type => (IdentifierType)(int)type));

        return Task.FromResult(info);
    }

    public override async Task<HitQueryReply> QueryHits(HitQueryRequest request, ServerCallContext context)
    {
        var session = BeginSession(RequestKind.HitQuery, context, out var caller);
        try
        {
            RequireCaller(caller);
            session.Start(request.QueryId, ProtocolMapping.ToDomain(request.Context), ProtocolMapping.ToDomain(request.Decision));
            foreach (var group in request.Probes)
            {
                session.AddGroup((int)group.IdentifierType, group.Tokens.Memory);
            }

            var result = await session.AnswerAsync(context.CancellationToken);

            var reply = new HitQueryReply { IndexLoadedAt = ProtocolMapping.ToProto(result.IndexLoadedAt) };
            reply.Answers.AddRange(ProtocolMapping.ToProto(result, 0, result.Groups.Count, 0));
            return reply;
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await FailAsync(session, exception, context);
        }
    }

    /// <summary>
    /// Reads the whole screening stream before answering, because the complete probe set must be
    /// authorised before any answer leaves the agent. Answers go back as one reply message per
    /// request message that carried probes, so no reply is larger than its request.
    /// </summary>
    public override async Task ScreenHits(
        IAsyncStreamReader<HitScreeningChunk> requestStream,
        IServerStreamWriter<HitScreeningReplyChunk> responseStream,
        ServerCallContext context)
    {
        var session = BeginSession(RequestKind.HitScreening, context, out var caller);
        try
        {
            RequireCaller(caller);
            var isFirst = true;
            await foreach (var chunk in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (isFirst || chunk.Header is not null)
                {
                    var header = chunk.Header;
                    session.Start(header?.QueryId, ProtocolMapping.ToDomain(header?.Context), ProtocolMapping.ToDomain(header?.Decision));
                    isFirst = false;
                }

                foreach (var group in chunk.Probes)
                {
                    session.AddGroup((int)group.IdentifierType, group.Tokens.Memory);
                }

                session.EndChunk();
            }

            var result = await session.AnswerAsync(context.CancellationToken);
            await WriteScreeningRepliesAsync(result, responseStream, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await FailAsync(session, exception, context);
        }
    }

    public override async Task<ContentReleaseReply> ReleaseContent(ContentReleaseRequest request, ServerCallContext context)
    {
        var session = BeginSession(RequestKind.ContentRelease, context, out var caller);
        try
        {
            RequireCaller(caller);
            session.Start(request.ReleaseId, ProtocolMapping.ToDomain(request.Context), ProtocolMapping.ToDomain(request.Decision));
            var content = await session.ReleaseAsync(ProtocolMapping.ToDomain(request.Subjects), request.Fields, context.CancellationToken);
            return ProtocolMapping.ToProto(content);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await FailAsync(session, exception, context);
        }
    }

    private static async Task WriteScreeningRepliesAsync(
        QueryAnswers result, IServerStreamWriter<HitScreeningReplyChunk> responseStream, CancellationToken cancellationToken)
    {
        var loadedAt = ProtocolMapping.ToProto(result.IndexLoadedAt);
        var firstGroup = 0;
        var firstAnswer = 0;
        foreach (var groupCount in result.ChunkGroupCounts)
        {
            if (groupCount == 0)
            {
                continue;
            }

            var reply = new HitScreeningReplyChunk { IndexLoadedAt = loadedAt };
            reply.Answers.AddRange(ProtocolMapping.ToProto(result, firstGroup, groupCount, firstAnswer));
            await responseStream.WriteAsync(reply, cancellationToken);

            for (var i = firstGroup; i < firstGroup + groupCount; i++)
            {
                firstAnswer += result.Groups[i].TokenCount;
            }

            firstGroup += groupCount;
        }
    }

    private HitQuerySession BeginSession(RequestKind kind, ServerCallContext context, out CallerIdentity? caller)
    {
        caller = CallerIdentities.FromCall(context);
        return processor.Begin(kind, caller ?? CallerIdentities.Anonymous);
    }

    private static void RequireCaller(CallerIdentity? caller)
    {
        if (caller is null)
        {
            throw new QueryRefusedException(QueryRefusalReason.Unauthenticated, "The connection carries no client certificate.");
        }
    }

    private static async Task<RpcException> FailAsync(HitQuerySession session, Exception exception, ServerCallContext context)
    {
        await session.RecordFailureAsync(exception, GrpcErrors.IsCallAborted(exception, context));
        return GrpcErrors.ToRpcException(exception, context);
    }
}
