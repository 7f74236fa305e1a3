using Grpc.Core;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Queries;
using GsoHitService.Protocol;

namespace GsoHitService.Agent.Services;

/// <summary>
/// Turns the outcome of a failed request into the gRPC status the caller receives. Only refusals
/// carry their own message; any other failure gets a generic one, so that no exception text,
/// path or stack leaves the agent.
/// </summary>
internal static class GrpcErrors
{
    public static RpcException ToRpcException(Exception exception, ServerCallContext context) => exception switch
    {
        QueryRefusedException refused => new RpcException(new Status(ToStatusCode(refused.Reason), refused.Message), RefusalTrailers(refused)),
        AuditWriteException => new RpcException(new Status(StatusCode.Unavailable,
            "The agent cannot write its audit log, so it answers no request. Ask the department's operator to check the audit log.")),
        _ when IsCallAborted(exception, context) && context.Deadline <= DateTime.UtcNow =>
            new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline of the call passed before the agent finished.")),
        _ when IsCallAborted(exception, context) =>
            new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled.")),
        _ => new RpcException(new Status(StatusCode.Internal, "The agent failed to answer this request; the agent log has the details.")),
    };

    /// <summary>
    /// Checks whether the caller ended the call: its cancellation token fired, or reading the
    /// request stream failed because the client reset it, which can be seen before the token fires.
    /// </summary>
    private static Metadata RefusalTrailers(QueryRefusedException refused)
    {
        var trailers = new Metadata();
        if (refused.ReasonCode is { } code)
        {
            trailers.Add(AgentErrorCodes.ReasonTrailer, code);
        }

        if (refused.DecisionId is { } decisionId)
        {
            trailers.Add(AgentErrorCodes.DecisionIdTrailer, decisionId);
        }

        return trailers;
    }

    public static bool IsCallAborted(Exception exception, ServerCallContext context) =>
        context.CancellationToken.IsCancellationRequested || exception is OperationCanceledException or IOException;

    public static StatusCode ToStatusCode(QueryRefusalReason reason) => reason switch
    {
        QueryRefusalReason.InvalidRequest => StatusCode.InvalidArgument,
        QueryRefusalReason.ContextMismatch => StatusCode.FailedPrecondition,
        QueryRefusalReason.RequestCapExceeded => StatusCode.ResourceExhausted,
        QueryRefusalReason.QuotaExceeded => StatusCode.ResourceExhausted,
        QueryRefusalReason.NotAuthorized => StatusCode.PermissionDenied,
        QueryRefusalReason.Unauthenticated => StatusCode.Unauthenticated,
        QueryRefusalReason.SourceUnavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };
}
