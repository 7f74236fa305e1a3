using Grpc.Core;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Content;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Signals;
using GsoHitService.Coordinator.Store;
using GsoHitService.Protocol;
using Microsoft.Extensions.Options;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Api;

/// <summary>
/// The gRPC service <c>gso.v1.Coordinator</c>. Each method parses its request, hands it to the
/// component that owns the rule and maps the result back; <see cref="ErrorMappingInterceptor"/>
/// turns refusals and failures into status codes with reason trailers.
/// </summary>
internal sealed class CoordinatorApiService(
    ICoordinatorStore store,
    SignalRegistrar signals,
    DecisionPreparer preparer,
    DecisionSubmitter submitter,
    HitQueryRunner queries,
    HitQueryResultReader results,
    ContentReleaser releaser,
    ReleasedContentReader contentReader,
    AgentStatusReader agentStatus,
    IOptions<CoordinatorOptions> options)
    : Proto.Coordinator.CoordinatorBase
{
    public override async Task<Proto.RegisterSignalReply> RegisterSignal(Proto.RegisterSignalRequest request, ServerCallContext context)
    {
        var signal = await signals.RegisterAsync(request, CallerIdentity.FromCall(context), context.CancellationToken);

        var reply = new Proto.RegisterSignalReply { SignalId = signal.Id.Value };
        reply.Subjects.AddRange(signal.Subjects.Select(ProtoMapping.ToView));
        return reply;
    }

    public override async Task<Proto.SignalView> GetSignal(Proto.GetSignalRequest request, ServerCallContext context)
    {
        var signalId = RequestIds.Signal(request.SignalId);
        var cancellationToken = context.CancellationToken;
        var signal = await store.GetSignalAsync(signalId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonSignalNotFound, $"Signal {signalId} does not exist.");

        var decisions = await store.ListDecisionsAsync(signalId, cancellationToken);
        var queryIds = await store.ListHitQueryIdsAsync(signalId, cancellationToken);
        var @case = await store.GetCaseForSignalAsync(signalId, cancellationToken);
        return ProtoMapping.ToView(signal, decisions, queryIds, @case);
    }

    public override async Task<Proto.PreparedDecision> PreparePrivacyCheck1(Proto.PreparePrivacyCheck1Request request, ServerCallContext context) =>
        ProtoMapping.ToProto(await preparer.PreparePrivacyCheck1Async(request, CallerIdentity.FromCall(context), context.CancellationToken));

    public override async Task<Proto.PreparedDecision> PreparePrivacyCheck2(Proto.PreparePrivacyCheck2Request request, ServerCallContext context) =>
        ProtoMapping.ToProto(await preparer.PreparePrivacyCheck2Async(request, CallerIdentity.FromCall(context), context.CancellationToken));

    public override async Task<Proto.DecisionView> SubmitSignedDecision(Proto.SubmitSignedDecisionRequest request, ServerCallContext context) =>
        ProtoMapping.ToView(await submitter.SubmitAsync(request.Decision, CallerIdentity.FromCall(context), context.CancellationToken));

    public override async Task<Proto.HitQueryResult> RunHitQuery(Proto.RunHitQueryRequest request, ServerCallContext context)
    {
        var command = new HitQueryCommand(
            RequestIds.Signal(request.SignalId),
            RequestIds.Optional(request.DecisionId, value => RequestIds.Decision(value)),
            request.Departments.ToArray(),
            RequestIds.Optional(request.RepeatOfQueryId, value => RequestIds.Query(value, "repeat_of_query_id")));

        var run = await queries.RunAsync(command, CallerIdentity.FromCall(context), context.CancellationToken);

        // The query is recorded; reading its first page must not be cut short by the caller going away.
        return await results.ReadAsync(run, 0, options.Value.Queries.ResultPageSize, CancellationToken.None);
    }

    public override async Task<Proto.HitQueryResult> GetHitQueryResult(Proto.GetHitQueryResultRequest request, ServerCallContext context)
    {
        var queryId = RequestIds.Query(request.QueryId);
        if (request.PageSize < 0 || request.PageSize > CoordinatorOptionsValidator.MaxResultPageSize)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonInvalidRequest,
                $"page_size must be between 0 (the default of {options.Value.Queries.ResultPageSize}) and {CoordinatorOptionsValidator.MaxResultPageSize}.");
        }

        if (!HitQueryResultView.TryParsePageToken(request.PageToken, out var firstSubject))
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, "page_token is not a token from an earlier reply.");
        }

        var pageSize = request.PageSize == 0 ? options.Value.Queries.ResultPageSize : request.PageSize;
        return await results.ReadAsync(queryId, firstSubject, pageSize, context.CancellationToken);
    }

    public override async Task<Proto.ContentReleaseView> RequestContentRelease(Proto.RequestContentReleaseRequest request, ServerCallContext context) =>
        ProtoMapping.ToView(await releaser.ReleaseAsync(RequestIds.Decision(request.DecisionId), CallerIdentity.FromCall(context), context.CancellationToken));

    public override async Task<Proto.PrivacyCheck3View> RecordPrivacyCheck3(Proto.RecordPrivacyCheck3Request request, ServerCallContext context) =>
        ProtoMapping.ToView(await contentReader.RecordPrivacyCheck3Async(request, CallerIdentity.FromCall(context), context.CancellationToken));

    public override Task<Proto.ReleasedContentView> GetReleasedContent(Proto.GetReleasedContentRequest request, ServerCallContext context) =>
        contentReader.ReadAsync(RequestIds.Case(request.CaseId), request.Member, CallerIdentity.FromCall(context), context.CancellationToken);

    public override async Task<Proto.ListAgentsReply> ListAgents(Proto.ListAgentsRequest request, ServerCallContext context)
    {
        var reply = new Proto.ListAgentsReply();
        reply.Agents.AddRange(await agentStatus.ReadAllAsync(context.CancellationToken));
        return reply;
    }
}
