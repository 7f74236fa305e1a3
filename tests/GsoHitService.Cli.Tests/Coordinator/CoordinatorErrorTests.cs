using Grpc.Core;
using GsoHitService.Protocol;

namespace GsoHitService.Cli.Tests.Coordinator;

/// <summary>Each refusal of the coordinator reaches the user as a Dutch message with the next step, and the right exit code.</summary>
public sealed class CoordinatorErrorTests : IClassFixture<CoordinatorServer>
{
    private readonly CoordinatorServer _server;

    public CoordinatorErrorTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonInvalidRequest, ExitCodes.InvalidInput, "een gegeven ontbreekt of ongeldig is")]
    [InlineData(StatusCode.NotFound, CoordinatorErrorCodes.ReasonSignalNotFound, ExitCodes.InvalidInput, "Het signaal bestaat niet")]
    [InlineData(StatusCode.NotFound, CoordinatorErrorCodes.ReasonDecisionNotFound, ExitCodes.InvalidInput, "Het besluit bestaat niet")]
    [InlineData(StatusCode.NotFound, CoordinatorErrorCodes.ReasonQueryNotFound, ExitCodes.InvalidInput, "De bevraging bestaat niet")]
    [InlineData(StatusCode.NotFound, CoordinatorErrorCodes.ReasonCaseNotFound, ExitCodes.InvalidInput, "De casus bestaat niet")]
    [InlineData(StatusCode.NotFound, CoordinatorErrorCodes.ReasonNotFound, ExitCodes.InvalidInput, "Niet gevonden bij de coördinator")]
    [InlineData(StatusCode.AlreadyExists, CoordinatorErrorCodes.ReasonAlreadyExists, ExitCodes.Failure, "al vastgelegd")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonInvalidState, ExitCodes.Failure, "past bij wat al is vastgelegd")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonNoPrivacyCheck1, ExitCodes.Failure, "geen vastgelegd besluit privacycheck 1")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonNoPrivacyCheck2, ExitCodes.Failure, "geen vastgelegd besluit privacycheck 2")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionExpired, ExitCodes.Failure, "Het besluit is verlopen")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionNotYetValid, ExitCodes.Failure, "nog niet geldig")]
    [InlineData(StatusCode.PermissionDenied, CoordinatorErrorCodes.ReasonDepartmentNotInDecision, ExitCodes.Failure, "De afdeling brp staat niet in het besluit")]
    [InlineData(StatusCode.PermissionDenied, CoordinatorErrorCodes.ReasonSubjectNotInDecision, ExitCodes.Failure, "die het besluit niet dekt")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionContextChanged, ExitCodes.Failure, "andere sleutelperiode")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonNothingToRepeat, ExitCodes.Failure, "niets te herhalen")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonUnknownDepartment, ExitCodes.InvalidInput, "Voor afdeling brp is bij de coördinator geen agent ingesteld")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonSubjectNotInSignal, ExitCodes.InvalidInput, "Betrokkene subject-9 hoort niet bij dit signaal")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonNoIdentifiersForDepartment, ExitCodes.InvalidInput, "Voor afdeling brp is niets te vragen")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonDecisionMalformed, ExitCodes.InvalidInput, "geen geldig besluit")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionNotPrepared, ExitCodes.Failure, "niet door deze coördinator voorbereid")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonDecisionPayloadChanged, ExitCodes.InvalidInput, "na de voorbereiding gewijzigd")]
    [InlineData(StatusCode.PermissionDenied, CoordinatorErrorCodes.ReasonDecisionSignatureInvalid, ExitCodes.Failure, "(lid: po-1)")]
    [InlineData(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionThresholdNotMet, ExitCodes.Failure, "niet genoeg geldige handtekeningen")]
    [InlineData(StatusCode.AlreadyExists, CoordinatorErrorCodes.ReasonContentAlreadyReleased, ExitCodes.Failure, "al vrijgegeven")]
    [InlineData(StatusCode.Unavailable, CoordinatorErrorCodes.ReasonReleaseFailed, ExitCodes.Failure, "geen gegevens vrijgegeven")]
    [InlineData(StatusCode.PermissionDenied, CoordinatorErrorCodes.ReasonMemberMismatch, ExitCodes.Failure, "hoort niet bij het opgegeven lid")]
    [InlineData(StatusCode.PermissionDenied, CoordinatorErrorCodes.ReasonNoPrivacyCheck3, ExitCodes.Failure, "geen privacycheck 3 vastgelegd")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonInvalidIdentifier, ExitCodes.InvalidInput, "keurt een identificatiegegeven af")]
    [InlineData(StatusCode.InvalidArgument, CoordinatorErrorCodes.ReasonDuplicateIdentifier, ExitCodes.InvalidInput, "hetzelfde gegeven")]
    [InlineData(StatusCode.Internal, CoordinatorErrorCodes.ReasonInternalError, ExitCodes.Failure, "Er ging iets mis bij de coördinator")]
    public async Task Call_Refused_ExplainsReason(StatusCode status, string reason, int exitCode, string expected)
    {
        _server.Fake.OnListAgents = (_, _) => throw FakeCoordinator.Refusal(
            status,
            reason,
            (CoordinatorErrorCodes.DepartmentTrailer, "brp"),
            (CoordinatorErrorCodes.SubjectIdTrailer, "subject-9"),
            (CoordinatorErrorCodes.MemberIdTrailer, "po-1"));

        var (actualExitCode, output, error) = await Status();

        Assert.Equal(exitCode, actualExitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, ExitCodes.InvalidInput, "wijst de aanvraag af als ongeldig")]
    [InlineData(StatusCode.NotFound, ExitCodes.InvalidInput, "Niet gevonden")]
    [InlineData(StatusCode.FailedPrecondition, ExitCodes.Failure, "kan dit nu niet uitvoeren")]
    [InlineData(StatusCode.PermissionDenied, ExitCodes.Failure, "niet toe voor uw certificaat")]
    [InlineData(StatusCode.Unauthenticated, ExitCodes.Failure, "herkent uw certificaat niet")]
    [InlineData(StatusCode.ResourceExhausted, ExitCodes.Failure, "overbelast")]
    [InlineData(StatusCode.Unimplemented, ExitCodes.Failure, "kent deze opdracht niet")]
    [InlineData(StatusCode.Unavailable, ExitCodes.Failure, "tijdelijk niet beschikbaar")]
    [InlineData(StatusCode.Internal, ExitCodes.Failure, "Er ging iets mis bij de coördinator (status Internal)")]
    [InlineData(StatusCode.DataLoss, ExitCodes.Failure, "Er ging iets mis bij de coördinator (status DataLoss)")]
    public async Task Call_FailedWithoutReason_MapsStatus(StatusCode status, int exitCode, string expected)
    {
        _server.Fake.OnListAgents = (_, _) => throw new RpcException(new Status(status, "operator text"));

        var (actualExitCode, _, error) = await Status();

        Assert.Equal(exitCode, actualExitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_InvalidRequest_ShowsCoordinatorExplanation()
    {
        _server.Fake.OnListAgents = (_, _) => throw new RpcException(
            new Status(StatusCode.InvalidArgument, "purpose is empty"),
            new Metadata { { CoordinatorErrorCodes.ReasonTrailer, CoordinatorErrorCodes.ReasonInvalidRequest } });

        var (_, _, error) = await Status();

        Assert.Contains("Toelichting van de coördinator (Engels): purpose is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_InternalError_HidesOperatorText()
    {
        _server.Fake.OnListAgents = (_, _) => throw new RpcException(new Status(StatusCode.Internal, "NullReferenceException at Store.cs:42"));

        var (_, _, error) = await Status();

        Assert.DoesNotContain("Store.cs", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownReason_FallsBackToStatus()
    {
        _server.Fake.OnListAgents = (_, _) => throw FakeCoordinator.Refusal(StatusCode.FailedPrecondition, "some-future-reason");

        var (exitCode, _, error) = await Status();

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("kan dit nu niet uitvoeren", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_SlowerThanTimeout_ReportsDeadline()
    {
        _server.Fake.OnListAgents = async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
            return new Protocol.V1.ListAgentsReply();
        };

        var (exitCode, _, error) = await CommandRunner.RunAsync("nl-NL", ["status", .. _server.ConnectionArguments(timeoutSeconds: 1)]);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("antwoordde niet binnen 1 seconden", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RefusedEnglish_UsesEnglishText()
    {
        _server.Fake.OnListAgents = (_, _) => throw FakeCoordinator.Refusal(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonDecisionExpired);

        var (_, _, error) = await CommandRunner.RunAsync("en-GB", ["status", .. _server.ConnectionArguments()]);

        Assert.Contains("The decision has expired. Prepare a new decision", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Status() =>
        CommandRunner.RunAsync("nl-NL", ["status", .. _server.ConnectionArguments()]);
}
