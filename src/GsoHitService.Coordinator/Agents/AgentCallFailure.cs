using System.Security.Authentication;
using Grpc.Core;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Protocol;

namespace GsoHitService.Coordinator.Agents;

/// <summary>
/// Why an agent call produced no usable answer: the department outcome to record, the reason
/// code and operator detail. No failure maps to <see cref="DepartmentOutcome.Answered"/>, so a
/// failed call can never be recorded as "no hit".
/// </summary>
internal sealed record AgentCallFailure(DepartmentOutcome Outcome, string ReasonCode, string Detail)
{
    /// <summary>The stored reason: code, Dutch text and detail.</summary>
    public string Reason => OutcomeReason.Format(ReasonCode, Detail);

    /// <summary>
    /// Classifies what an agent call threw. Grpc.Net.Client reports a rejected TLS handshake as
    /// INTERNAL or UNAVAILABLE, so both mean "unreachable". Status codes without a clearer meaning
    /// for a department count as unreachable too.
    /// </summary>
    public static AgentCallFailure Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        return exception switch
        {
            RpcException rpc => FromStatus(rpc.StatusCode, rpc.Status.Detail),
            InvalidAgentReplyException invalid => new(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AnswerMalformed, invalid.Message),
            OperationCanceledException => new(DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled, "The call was cancelled."),
            HttpRequestException or IOException or AuthenticationException =>
                new(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable, exception.GetType().Name),
            _ => new(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.CoordinatorError, exception.GetType().Name),
        };
    }

    /// <summary>Maps a gRPC status of a failed call to the department outcome.</summary>
    public static AgentCallFailure FromStatus(StatusCode status, string? message)
    {
        var detail = string.IsNullOrWhiteSpace(message) ? $"gRPC {status}" : $"gRPC {status}: {message}";
        return status switch
        {
            StatusCode.DeadlineExceeded => new(DepartmentOutcome.DeadlineExceeded, DepartmentOutcomeReasons.DeadlineExceeded, detail),
            StatusCode.Cancelled => new(DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled, detail),
            StatusCode.PermissionDenied or StatusCode.Unauthenticated => new(DepartmentOutcome.Refused, DepartmentOutcomeReasons.DecisionRejected, detail),
            StatusCode.ResourceExhausted => new(DepartmentOutcome.Refused, DepartmentOutcomeReasons.LimitReached, detail),
            StatusCode.InvalidArgument or StatusCode.OutOfRange => new(DepartmentOutcome.Refused, DepartmentOutcomeReasons.RequestRejected, detail),
            StatusCode.FailedPrecondition or StatusCode.Unimplemented => new(DepartmentOutcome.VersionMismatch, DepartmentOutcomeReasons.VersionMismatch, detail),
            _ => new(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable, detail),
        };
    }
}

/// <summary>An agent's reply that does not fit the request, so none of its answers can be trusted.</summary>
internal sealed class InvalidAgentReplyException(string message) : Exception(message);
