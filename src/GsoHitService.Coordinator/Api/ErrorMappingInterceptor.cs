using Grpc.Core;
using Grpc.Core.Interceptors;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Store;
using GsoHitService.Protocol;

namespace GsoHitService.Coordinator.Api;

/// <summary>
/// Turns what a coordinator call threw into the status its caller receives, with a
/// <c>gso-reason</c> trailer. Refusals and rule violations keep their message, which names ids
/// and rules only. Every other failure gets a generic message and is logged for the operator, so
/// that no exception text, path or SQL leaves the coordinator.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    internal RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RequestRefusedException refused:
                CoordinatorLog.RequestRefused(logger, context.Method, refused.Status, refused.Reason);
                return refused.ToRpcException();

            case CoordinatorStoreException { Error: StoreError.NotFound } notFound:
                return Refuse(context, StatusCode.NotFound, CoordinatorErrorCodes.ReasonNotFound, notFound.Message);

            case CoordinatorStoreException { Error: StoreError.AlreadyExists } exists:
                return Refuse(context, StatusCode.AlreadyExists, CoordinatorErrorCodes.ReasonAlreadyExists, exists.Message);

            case CoordinatorStoreException { Error: StoreError.InvalidState } invalid:
                return Refuse(context, StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonInvalidState, invalid.Message);

            case ArgumentException argument:
                return Refuse(context, StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonInvalidRequest, argument.Message);

            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));

            case AuditLogException:
                CoordinatorLog.CallFailed(logger, context.Method, exception);
                return Internal("The coordinator cannot write its audit log, so it does not act on requests. Ask the operator to check the audit log.");

            default:
                // Includes store failures that only an operator can resolve: decryption, data key, schema.
                CoordinatorLog.CallFailed(logger, context.Method, exception);
                return Internal("The coordinator failed to handle this request; the coordinator log has the details.");
        }
    }

    private RpcException Refuse(ServerCallContext context, StatusCode status, string reason, string message)
    {
        CoordinatorLog.RequestRefused(logger, context.Method, status, reason);
        return new RequestRefusedException(status, reason, message).ToRpcException();
    }

    private static RpcException Internal(string message) =>
        new RequestRefusedException(StatusCode.Internal, CoordinatorErrorCodes.ReasonInternalError, message).ToRpcException();
}
