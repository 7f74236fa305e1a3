using System.Collections.Concurrent;
using Grpc.Core;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Coordinator;

/// <summary>
/// A test double of the coordinator's gRPC service: each test sets the handlers it needs and reads
/// the requests that arrived. A call without a handler fails with UNIMPLEMENTED, so a test notices
/// a call it did not expect.
/// </summary>
public sealed class FakeCoordinator : Protocol.V1.Coordinator.CoordinatorBase
{
    public ConcurrentQueue<object> Requests { get; } = new();

    public Func<RegisterSignalRequest, ServerCallContext, Task<RegisterSignalReply>>? OnRegisterSignal { get; set; }

    public Func<GetSignalRequest, Task<SignalView>>? OnGetSignal { get; set; }

    public Func<PreparePrivacyCheck1Request, Task<PreparedDecision>>? OnPreparePrivacyCheck1 { get; set; }

    public Func<PreparePrivacyCheck2Request, Task<PreparedDecision>>? OnPreparePrivacyCheck2 { get; set; }

    public Func<SubmitSignedDecisionRequest, Task<DecisionView>>? OnSubmitSignedDecision { get; set; }

    public Func<RunHitQueryRequest, Task<HitQueryResult>>? OnRunHitQuery { get; set; }

    public Func<GetHitQueryResultRequest, Task<HitQueryResult>>? OnGetHitQueryResult { get; set; }

    public Func<RequestContentReleaseRequest, Task<ContentReleaseView>>? OnRequestContentRelease { get; set; }

    public Func<RecordPrivacyCheck3Request, Task<PrivacyCheck3View>>? OnRecordPrivacyCheck3 { get; set; }

    public Func<GetReleasedContentRequest, Task<ReleasedContentView>>? OnGetReleasedContent { get; set; }

    public Func<ListAgentsRequest, ServerCallContext, Task<ListAgentsReply>>? OnListAgents { get; set; }

    /// <summary>Forgets the requests and handlers of the previous test.</summary>
    public void Reset()
    {
        Requests.Clear();
        OnRegisterSignal = null;
        OnGetSignal = null;
        OnPreparePrivacyCheck1 = null;
        OnPreparePrivacyCheck2 = null;
        OnSubmitSignedDecision = null;
        OnRunHitQuery = null;
        OnGetHitQueryResult = null;
        OnRequestContentRelease = null;
        OnRecordPrivacyCheck3 = null;
        OnGetReleasedContent = null;
        OnListAgents = null;
    }

    public T Single<T>() => Assert.Single(Requests.OfType<T>());

    public override Task<RegisterSignalReply> RegisterSignal(RegisterSignalRequest request, ServerCallContext context) =>
        Handle<RegisterSignalReply>(request, OnRegisterSignal is null ? null : () => OnRegisterSignal(request, context));

    public override Task<SignalView> GetSignal(GetSignalRequest request, ServerCallContext context) =>
        Handle<SignalView>(request, OnGetSignal is null ? null : () => OnGetSignal(request));

    public override Task<PreparedDecision> PreparePrivacyCheck1(PreparePrivacyCheck1Request request, ServerCallContext context) =>
        Handle<PreparedDecision>(request, OnPreparePrivacyCheck1 is null ? null : () => OnPreparePrivacyCheck1(request));

    public override Task<PreparedDecision> PreparePrivacyCheck2(PreparePrivacyCheck2Request request, ServerCallContext context) =>
        Handle<PreparedDecision>(request, OnPreparePrivacyCheck2 is null ? null : () => OnPreparePrivacyCheck2(request));

    public override Task<DecisionView> SubmitSignedDecision(SubmitSignedDecisionRequest request, ServerCallContext context) =>
        Handle<DecisionView>(request, OnSubmitSignedDecision is null ? null : () => OnSubmitSignedDecision(request));

    public override Task<HitQueryResult> RunHitQuery(RunHitQueryRequest request, ServerCallContext context) =>
        Handle<HitQueryResult>(request, OnRunHitQuery is null ? null : () => OnRunHitQuery(request));

    public override Task<HitQueryResult> GetHitQueryResult(GetHitQueryResultRequest request, ServerCallContext context) =>
        Handle<HitQueryResult>(request, OnGetHitQueryResult is null ? null : () => OnGetHitQueryResult(request));

    public override Task<ContentReleaseView> RequestContentRelease(RequestContentReleaseRequest request, ServerCallContext context) =>
        Handle<ContentReleaseView>(request, OnRequestContentRelease is null ? null : () => OnRequestContentRelease(request));

    public override Task<PrivacyCheck3View> RecordPrivacyCheck3(RecordPrivacyCheck3Request request, ServerCallContext context) =>
        Handle<PrivacyCheck3View>(request, OnRecordPrivacyCheck3 is null ? null : () => OnRecordPrivacyCheck3(request));

    public override Task<ReleasedContentView> GetReleasedContent(GetReleasedContentRequest request, ServerCallContext context) =>
        Handle<ReleasedContentView>(request, OnGetReleasedContent is null ? null : () => OnGetReleasedContent(request));

    public override Task<ListAgentsReply> ListAgents(ListAgentsRequest request, ServerCallContext context) =>
        Handle<ListAgentsReply>(request, OnListAgents is null ? null : () => OnListAgents(request, context));

    /// <summary>An RPC failure with the coordinator's reason trailer and any further trailers.</summary>
    public static RpcException Refusal(StatusCode status, string reason, params (string Key, string Value)[] trailers)
    {
        var metadata = new Metadata { { Protocol.CoordinatorErrorCodes.ReasonTrailer, reason } };
        foreach (var (key, value) in trailers)
        {
            metadata.Add(key, value);
        }

        return new RpcException(new Status(status, $"refused: {reason}"), metadata);
    }

    private Task<T> Handle<T>(object request, Func<Task<T>>? handler)
    {
        Requests.Enqueue(request);
        return handler is null
            ? throw new RpcException(new Status(StatusCode.Unimplemented, $"The test set no handler for {request.GetType().Name}."))
            : handler();
    }
}
