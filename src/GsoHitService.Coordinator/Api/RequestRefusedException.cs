using Grpc.Core;
using GsoHitService.Protocol;

namespace GsoHitService.Coordinator.Api;

/// <summary>
/// A request that the coordinator refuses on purpose. It becomes an <see cref="RpcException"/> with
/// <see cref="Status"/>, the English operator message and the trailers: <c>gso-reason</c> with
/// <see cref="Reason"/> and the details, so that clients can show their own Dutch text.
/// </summary>
/// <remarks>The message and the details name ids, kinds and rules, never an identifier value.</remarks>
internal sealed class RequestRefusedException(StatusCode status, string reason, string message, params (string Trailer, string Value)[] details)
    : Exception(message)
{
    public StatusCode Status { get; } = status;

    /// <summary>A reason code of <see cref="CoordinatorErrorCodes"/>.</summary>
    public string Reason { get; } = reason;

    public IReadOnlyList<(string Trailer, string Value)> Details { get; } = details;

    public RpcException ToRpcException()
    {
        var trailers = new Metadata { { CoordinatorErrorCodes.ReasonTrailer, Reason } };
        foreach (var (trailer, value) in Details)
        {
            trailers.Add(trailer, value);
        }

        return new RpcException(new Grpc.Core.Status(Status, Message), trailers, Message);
    }

    public static RequestRefusedException InvalidArgument(string reason, string message, params (string Trailer, string Value)[] details) =>
        new(StatusCode.InvalidArgument, reason, message, details);

    public static RequestRefusedException NotFound(string reason, string message, params (string Trailer, string Value)[] details) =>
        new(StatusCode.NotFound, reason, message, details);

    public static RequestRefusedException FailedPrecondition(string reason, string message, params (string Trailer, string Value)[] details) =>
        new(StatusCode.FailedPrecondition, reason, message, details);

    public static RequestRefusedException PermissionDenied(string reason, string message, params (string Trailer, string Value)[] details) =>
        new(StatusCode.PermissionDenied, reason, message, details);
}
