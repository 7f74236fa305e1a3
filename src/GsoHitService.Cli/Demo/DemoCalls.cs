using Grpc.Core;
using GsoHitService.Cli.Coordinator;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// Makes calls to the coordinator over a demo connection and turns a failure into the message
/// that the real <c>gso</c> commands print for it.
/// </summary>
internal static class DemoCalls
{
    /// <exception cref="DemoFailedException">The call failed.</exception>
    /// <exception cref="OperationCanceledException">The user stopped the demo.</exception>
    public static Task<T> CallAsync<T>(
        CoordinatorConnection connection,
        Func<Proto.Coordinator.CoordinatorClient, CallOptions, AsyncUnaryCall<T>> call,
        CancellationToken cancellationToken) =>
        CallsAsync(connection, async () => await call(connection.Client, connection.CallOptions(cancellationToken)), cancellationToken);

    /// <summary>Runs several calls over one connection, such as fetching every page of a result.</summary>
    /// <exception cref="DemoFailedException">A call failed.</exception>
    /// <exception cref="OperationCanceledException">The user stopped the demo.</exception>
    public static async Task<T> CallsAsync<T>(CoordinatorConnection connection, Func<Task<T>> calls, CancellationToken cancellationToken)
    {
        try
        {
            return await calls();
        }
        catch (RpcException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The demo was stopped during a call to the coordinator.", exception, cancellationToken);
        }
        catch (RpcException exception)
        {
            var failure = CoordinatorErrors.Describe(exception, connection);
            throw new DemoFailedException(failure.ExitCode, failure.Message, exception);
        }
    }
}
