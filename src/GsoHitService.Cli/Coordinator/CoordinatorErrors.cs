using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;
using GsoHitService.Protocol;

namespace GsoHitService.Cli.Coordinator;

/// <summary>A failed call as the user sees it: a message with the next step, and the exit code.</summary>
internal sealed record CoordinatorFailure(int ExitCode, string Message);

/// <summary>
/// Turns a failed call into a message in the user's language. The coordinator's reason trailer
/// (<see cref="CoordinatorErrorCodes.ReasonTrailer"/>) picks the message where it is present;
/// otherwise the status code does. A transport failure (no connection, TLS rejected) gets its own
/// message, apart from the refusals of the coordinator.
/// </summary>
internal static class CoordinatorErrors
{
    public static CoordinatorFailure Describe(RpcException exception, CoordinatorConnection connection)
    {
        var exitCode = ExitCodeFor(exception.StatusCode);
        var reason = exception.Trailers.GetValue(CoordinatorErrorCodes.ReasonTrailer);

        if (reason is null && IsTransportFailure(exception))
        {
            return new CoordinatorFailure(ExitCodes.Failure, DescribeTransport(exception, connection));
        }

        if (reason is null && exception.StatusCode == StatusCode.DeadlineExceeded)
        {
            return new CoordinatorFailure(ExitCodes.Failure, Messages.Format(
                CoordinatorStrings.ErrorDeadlineExceeded, connection.Settings.Address, (int)connection.Settings.Timeout.TotalSeconds));
        }

        var message = reason is null ? null : DescribeReason(reason, exception);
        return new CoordinatorFailure(exitCode, message ?? DescribeStatus(exception));
    }

    /// <summary>Returns whether the refusal is about one identifier of the request (invalid or duplicate).</summary>
    public static bool IsIdentifierRefusal(RpcException exception) =>
        exception.Trailers.GetValue(CoordinatorErrorCodes.ReasonTrailer) is CoordinatorErrorCodes.ReasonInvalidIdentifier or CoordinatorErrorCodes.ReasonDuplicateIdentifier;

    /// <summary>
    /// Describes an invalid or duplicate identifier from the identifier trailers: the subject (by
    /// its label when <paramref name="subjectLabel"/> returns one), the identifier's position and
    /// type, and the rule it broke. Never the value.
    /// </summary>
    public static string DescribeInvalidIdentifier(Metadata trailers, Func<int, string?> subjectLabel)
    {
        var subjectIndex = ReadIndex(trailers, CoordinatorErrorCodes.SubjectIndexTrailer);
        var identifierIndex = ReadIndex(trailers, CoordinatorErrorCodes.IdentifierIndexTrailer);
        var typeName = trailers.GetValue(CoordinatorErrorCodes.IdentifierTypeTrailer);
        var ruleName = trailers.GetValue(CoordinatorErrorCodes.IdentifierRuleTrailer);
        var knownType = IdentifierTypes.TryParse(typeName, out var type);

        string rule;
        if (trailers.GetValue(CoordinatorErrorCodes.ReasonTrailer) == CoordinatorErrorCodes.ReasonDuplicateIdentifier)
        {
            rule = Messages.Format(CoordinatorStrings.ReasonDuplicateIdentifier, knownType ? IdentifierMessages.GetTypeName(type) : typeName ?? "?");
        }
        else
        {
            rule = knownType && Enum.TryParse<IdentifierRule>(ruleName, ignoreCase: false, out var parsedRule) && Enum.IsDefined(parsedRule)
                ? IdentifierMessages.Describe(new IdentifierError(type, parsedRule))
                : CoordinatorStrings.ReasonInvalidIdentifierUnknownRule;
        }

        if (subjectIndex is not { } subject || identifierIndex is not { } identifier)
        {
            return Messages.Format(CoordinatorStrings.ReasonInvalidIdentifierUnplaced, rule);
        }

        var label = subjectLabel(subject);
        return label is null
            ? Messages.Format(CoordinatorStrings.ReasonInvalidIdentifier, subject + 1, identifier + 1, rule)
            : Messages.Format(CoordinatorStrings.ReasonInvalidIdentifierWithLabel, subject + 1, label, identifier + 1, rule);
    }

    private static int ExitCodeFor(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.OutOfRange => ExitCodes.InvalidInput,
        _ => ExitCodes.Failure,
    };

    private static string? DescribeReason(string reason, RpcException exception)
    {
        var trailers = exception.Trailers;
        var department = trailers.GetValue(CoordinatorErrorCodes.DepartmentTrailer) ?? "?";
        var subjectId = trailers.GetValue(CoordinatorErrorCodes.SubjectIdTrailer) ?? "?";
        var memberId = trailers.GetValue(CoordinatorErrorCodes.MemberIdTrailer) ?? "?";

        return reason switch
        {
            CoordinatorErrorCodes.ReasonInvalidIdentifier or CoordinatorErrorCodes.ReasonDuplicateIdentifier => DescribeInvalidIdentifier(trailers, _ => null),
            CoordinatorErrorCodes.ReasonInvalidRequest => WithDetail(CoordinatorStrings.ReasonInvalidRequest, exception),
            CoordinatorErrorCodes.ReasonSignalNotFound => CoordinatorStrings.ReasonSignalNotFound,
            CoordinatorErrorCodes.ReasonDecisionNotFound => CoordinatorStrings.ReasonDecisionNotFound,
            CoordinatorErrorCodes.ReasonQueryNotFound => CoordinatorStrings.ReasonQueryNotFound,
            CoordinatorErrorCodes.ReasonCaseNotFound => CoordinatorStrings.ReasonCaseNotFound,
            CoordinatorErrorCodes.ReasonNotFound => WithDetail(CoordinatorStrings.ReasonNotFound, exception),
            CoordinatorErrorCodes.ReasonAlreadyExists => WithDetail(CoordinatorStrings.ReasonAlreadyExists, exception),
            CoordinatorErrorCodes.ReasonInvalidState => WithDetail(CoordinatorStrings.ReasonInvalidState, exception),
            CoordinatorErrorCodes.ReasonNoPrivacyCheck1 => CoordinatorStrings.ReasonNoPrivacyCheck1,
            CoordinatorErrorCodes.ReasonNoPrivacyCheck2 => CoordinatorStrings.ReasonNoPrivacyCheck2,
            CoordinatorErrorCodes.ReasonDecisionExpired => CoordinatorStrings.ReasonDecisionExpired,
            CoordinatorErrorCodes.ReasonDecisionNotYetValid => CoordinatorStrings.ReasonDecisionNotYetValid,
            CoordinatorErrorCodes.ReasonDepartmentNotInDecision => Messages.Format(CoordinatorStrings.ReasonDepartmentNotInDecision, department),
            CoordinatorErrorCodes.ReasonSubjectNotInDecision => CoordinatorStrings.ReasonSubjectNotInDecision,
            CoordinatorErrorCodes.ReasonDecisionContextChanged => CoordinatorStrings.ReasonDecisionContextChanged,
            CoordinatorErrorCodes.ReasonNothingToRepeat => CoordinatorStrings.ReasonNothingToRepeat,
            CoordinatorErrorCodes.ReasonUnknownDepartment => Messages.Format(CoordinatorStrings.ReasonUnknownDepartment, department),
            CoordinatorErrorCodes.ReasonSubjectNotInSignal => Messages.Format(CoordinatorStrings.ReasonSubjectNotInSignal, subjectId),
            CoordinatorErrorCodes.ReasonNoIdentifiersForDepartment => Messages.Format(CoordinatorStrings.ReasonNoIdentifiersForDepartment, department),
            CoordinatorErrorCodes.ReasonDecisionMalformed => CoordinatorStrings.ReasonDecisionMalformed,
            CoordinatorErrorCodes.ReasonDecisionNotPrepared => CoordinatorStrings.ReasonDecisionNotPrepared,
            CoordinatorErrorCodes.ReasonDecisionPayloadChanged => CoordinatorStrings.ReasonDecisionPayloadChanged,
            CoordinatorErrorCodes.ReasonDecisionSignatureInvalid => Messages.Format(CoordinatorStrings.ReasonDecisionSignatureInvalid, memberId),
            CoordinatorErrorCodes.ReasonDecisionThresholdNotMet => CoordinatorStrings.ReasonDecisionThresholdNotMet,
            CoordinatorErrorCodes.ReasonContentAlreadyReleased => CoordinatorStrings.ReasonContentAlreadyReleased,
            CoordinatorErrorCodes.ReasonReleaseFailed => WithDetail(CoordinatorStrings.ReasonReleaseFailed, exception),
            CoordinatorErrorCodes.ReasonMemberMismatch => CoordinatorStrings.ReasonMemberMismatch,
            CoordinatorErrorCodes.ReasonNoPrivacyCheck3 => CoordinatorStrings.ReasonNoPrivacyCheck3,
            CoordinatorErrorCodes.ReasonInternalError => CoordinatorStrings.ErrorInternal,
            _ => null,
        };
    }

    private static string DescribeStatus(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.InvalidArgument => WithDetail(CoordinatorStrings.ErrorInvalidArgument, exception),
        StatusCode.NotFound => WithDetail(CoordinatorStrings.ReasonNotFound, exception),
        StatusCode.AlreadyExists => WithDetail(CoordinatorStrings.ReasonAlreadyExists, exception),
        StatusCode.FailedPrecondition => WithDetail(CoordinatorStrings.ReasonInvalidState, exception),
        StatusCode.PermissionDenied => WithDetail(CoordinatorStrings.ErrorPermissionDenied, exception),
        StatusCode.Unauthenticated => CoordinatorStrings.ErrorUnauthenticated,
        StatusCode.ResourceExhausted => CoordinatorStrings.ErrorResourceExhausted,
        StatusCode.Unimplemented => CoordinatorStrings.ErrorUnimplemented,
        StatusCode.Cancelled => CoordinatorStrings.ErrorCancelled,
        StatusCode.Unavailable => WithDetail(CoordinatorStrings.ErrorUnavailable, exception),
        StatusCode.DeadlineExceeded => CoordinatorStrings.ErrorDeadlineExceededOnServer,
        _ => Messages.Format(CoordinatorStrings.ErrorInternalWithStatus, exception.StatusCode),
    };

    /// <summary>
    /// Appends the status message, which is the coordinator's English text for operators, for the
    /// refusals where it names what is wrong (a field, a state).
    /// </summary>
    private static string WithDetail(string message, RpcException exception) =>
        string.IsNullOrWhiteSpace(exception.Status.Detail)
            ? message
            : message + Environment.NewLine + Messages.Format(CoordinatorStrings.CoordinatorDetail, exception.Status.Detail);

    /// <summary>
    /// A call that never reached the coordinator's gRPC service: the client reports it with a
    /// debug exception from the HTTP stack. Grpc.Net.Client 2.85 reports a rejected server
    /// certificate as Internal, not Unavailable.
    /// </summary>
    private static bool IsTransportFailure(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
        && exception.Status.DebugException is not null;

    private static string DescribeTransport(RpcException exception, CoordinatorConnection connection)
    {
        var settings = connection.Settings;
        if (connection.ServerCertificateProblem is { } problem)
        {
            return Messages.Format(CoordinatorStrings.ErrorServerCertificateRejected, settings.Address, problem, settings.Ca.Origin, settings.Ca.Path);
        }

        var causes = Causes(exception.Status.DebugException).ToList();
        var httpErrors = causes.OfType<HttpRequestException>().Select(cause => cause.HttpRequestError).ToList();
        if (causes.OfType<AuthenticationException>().Any() || httpErrors.Contains(HttpRequestError.SecureConnectionError))
        {
            return Messages.Format(CoordinatorStrings.ErrorTlsFailed, settings.Address, settings.Certificate.Path);
        }

        var socketErrors = causes.OfType<SocketException>().Select(cause => cause.SocketErrorCode).ToList();
        if (httpErrors.Contains(HttpRequestError.NameResolutionError) || socketErrors.Any(code => code is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain))
        {
            return Messages.Format(CoordinatorStrings.ErrorHostNotFound, settings.Address, settings.Address.IdnHost);
        }

        if (httpErrors.Contains(HttpRequestError.ConnectionError) || socketErrors.Count > 0)
        {
            return Messages.Format(CoordinatorStrings.ErrorUnreachable, settings.Address, settings.Address.IdnHost);
        }

        if (causes.Any(cause => cause is HttpRequestException or IOException))
        {
            // The TCP connection was made (no socket error), and the server closed it while TLS
            // and HTTP/2 were set up. With TLS 1.3 this is how a rejected client certificate
            // shows on the client side: the handshake completes first, then the server hangs up.
            return Messages.Format(CoordinatorStrings.ErrorConnectionClosed, settings.Address, settings.Certificate.Path);
        }

        return Messages.Format(CoordinatorStrings.ErrorUnreachable, settings.Address, settings.Address.IdnHost);
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }

    private static int? ReadIndex(Metadata trailers, string key) =>
        int.TryParse(trailers.GetValue(key), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}
