using System.Security.Authentication;
using Grpc.Core;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Protocol;

namespace GsoHitService.Coordinator.Tests.Agents;

public sealed class AgentCallFailureTests
{
    public static TheoryData<StatusCode, DepartmentOutcome, string> StatusTable => new()
    {
        { StatusCode.OK, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.Cancelled, DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled },
        { StatusCode.Unknown, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.InvalidArgument, DepartmentOutcome.Refused, DepartmentOutcomeReasons.RequestRejected },
        { StatusCode.DeadlineExceeded, DepartmentOutcome.DeadlineExceeded, DepartmentOutcomeReasons.DeadlineExceeded },
        { StatusCode.NotFound, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.AlreadyExists, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.PermissionDenied, DepartmentOutcome.Refused, DepartmentOutcomeReasons.DecisionRejected },
        { StatusCode.Unauthenticated, DepartmentOutcome.Refused, DepartmentOutcomeReasons.DecisionRejected },
        { StatusCode.ResourceExhausted, DepartmentOutcome.Refused, DepartmentOutcomeReasons.LimitReached },
        { StatusCode.FailedPrecondition, DepartmentOutcome.VersionMismatch, DepartmentOutcomeReasons.VersionMismatch },
        { StatusCode.Aborted, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.OutOfRange, DepartmentOutcome.Refused, DepartmentOutcomeReasons.RequestRejected },
        { StatusCode.Unimplemented, DepartmentOutcome.VersionMismatch, DepartmentOutcomeReasons.VersionMismatch },
        { StatusCode.Internal, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.Unavailable, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { StatusCode.DataLoss, DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
    };

    [Theory]
    [MemberData(nameof(StatusTable))]
    public void Classify_RpcStatus_MapsToOutcomeAndReason(StatusCode status, DepartmentOutcome outcome, string reasonCode)
    {
        var failure = AgentCallFailure.Classify(new RpcException(new Status(status, "agent message")));

        Assert.Equal(outcome, failure.Outcome);
        Assert.Equal(reasonCode, failure.ReasonCode);
    }

    [Fact]
    public void StatusTable_CoversEveryStatusCode()
    {
        var covered = StatusTable.Select(row => row.Data.Item1).ToHashSet();

        Assert.Equal(Enum.GetValues<StatusCode>().ToHashSet(), covered);
    }

    [Fact]
    public void Classify_AnyStatus_IsNeverAnswered()
    {
        foreach (var status in Enum.GetValues<StatusCode>())
        {
            var failure = AgentCallFailure.Classify(new RpcException(new Status(status, "")));

            Assert.NotEqual(DepartmentOutcome.Answered, failure.Outcome);
        }
    }

    [Fact]
    public void Reason_AgentMessage_KeepsCodeTextAndDetail()
    {
        var failure = AgentCallFailure.Classify(new RpcException(new Status(StatusCode.PermissionDenied, "Decision rejected: ScopeMismatch")));

        Assert.StartsWith("decision-rejected: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("besluit", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(gRPC PermissionDenied: Decision rejected: ScopeMismatch)", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_DetailWithLineBreak_IsFlattened()
    {
        var failure = AgentCallFailure.Classify(new RpcException(new Status(StatusCode.Unavailable, "first\nforged line")));

        Assert.DoesNotContain('\n', failure.Reason);
    }

    public static TheoryData<Exception, DepartmentOutcome, string> ExceptionTable => new()
    {
        { new OperationCanceledException(), DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled },
        { new HttpRequestException("connection refused"), DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { new IOException("reset"), DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { new AuthenticationException("handshake"), DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AgentUnreachable },
        { new InvalidAgentReplyException("3 of 4 groups"), DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.AnswerMalformed },
        { new InvalidOperationException("defect"), DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.CoordinatorError },
    };

    [Theory]
    [MemberData(nameof(ExceptionTable))]
    public void Classify_OtherException_MapsToOutcomeAndReason(Exception exception, DepartmentOutcome outcome, string reasonCode)
    {
        var failure = AgentCallFailure.Classify(exception);

        Assert.Equal(outcome, failure.Outcome);
        Assert.Equal(reasonCode, failure.ReasonCode);
    }
}
