using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GsoHitService.Protocol;
using GsoHitService.TestSupport;
using static GsoHitService.EndToEnd.Tests.Coordinator.CoordinatorTestEnvironment;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// Requests the coordinator refuses, each with its status and <c>gso-reason</c> trailer. One
/// environment serves the whole class; every test registers its own signal.
/// </summary>
public sealed class CoordinatorRefusalTests(CoordinatorRefusalTests.Fixture fixture) : IClassFixture<CoordinatorRefusalTests.Fixture>
{
    private CoordinatorTestEnvironment Environment => fixture.Environment;

    [Fact]
    public async Task RunHitQuery_WithoutDecision_IsNoPrivacyCheck1()
    {
        var signal = await Environment.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, ""));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck1, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task RunHitQuery_UnrecordedDecision_IsNoPrivacyCheck1()
    {
        var signal = await Environment.RegisterSignalAsync();
        var prepared = await Environment.PreparePrivacyCheck1Async(signal.SignalId);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, prepared.DecisionId));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonNoPrivacyCheck1, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal(prepared.DecisionId, refusal.Trailer(CoordinatorErrorCodes.DecisionIdTrailer));
    }

    [Fact]
    public async Task RunHitQuery_DepartmentNotInDecision_IsPermissionDenied()
    {
        var signal = await Environment.RegisterSignalAsync();
        var decision = await Environment.RecordPrivacyCheck1Async(signal.SignalId, Scope(Brp));

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, decision.DecisionId, "", Brp, Taxes));

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonDepartmentNotInDecision, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal(Taxes, refusal.Trailer(CoordinatorErrorCodes.DepartmentTrailer));
    }

    [Fact]
    public async Task RunHitQuery_SubjectsOfAnotherSignal_IsSubjectNotInDecision()
    {
        var covered = await Environment.RegisterSignalAsync();
        var other = await Environment.RegisterSignalAsync();
        var decision = await Environment.RecordPrivacyCheck1Async(covered.SignalId);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(other.SignalId, decision.DecisionId));

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonSubjectNotInDecision, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task RunHitQuery_Refused_RecordsNoQuery()
    {
        var signal = await Environment.RegisterSignalAsync();
        var decision = await Environment.RecordPrivacyCheck1Async(signal.SignalId, Scope(Brp));
        await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, decision.DecisionId, "", Taxes));

        var view = await Environment.Client.GetSignalAsync(new Proto.GetSignalRequest { SignalId = signal.SignalId }, deadline: Deadline(), cancellationToken: Token);

        Assert.Empty(view.QueryIds);
        Assert.Empty(view.CaseId);
    }

    [Fact]
    public async Task RunHitQuery_ExpiredDecision_IsDecisionExpired()
    {
        var signal = await Environment.RegisterSignalAsync();
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = signal.SignalId,
            Purpose = "Onderzoek",
            LegalBasis = "Gemeentewet art. 174a",
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(3)),
        };
        request.Scopes.Add(Scope(Brp));
        var prepared = await Environment.Client.PreparePrivacyCheck1Async(request, deadline: Deadline(), cancellationToken: Token);
        var decision = await Environment.Client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, PrivacyCheck1Signers(Environment.Kerngroep)) },
            deadline: Deadline(),
            cancellationToken: Token);
        await Task.Delay(decision.ValidUntil.ToDateTimeOffset() - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200), Token);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, decision.DecisionId));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionExpired, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task RunHitQuery_RepeatOfFullyAnsweredQuery_IsNothingToRepeat()
    {
        var signal = await Environment.RegisterSignalAsync();
        var decision = await Environment.RecordPrivacyCheck1Async(signal.SignalId, Scope(Taxes));
        var first = await Environment.RunQueryAsync(signal.SignalId, decision.DecisionId);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.RunQueryAsync(signal.SignalId, "", first.QueryId));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonNothingToRepeat, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task RegisterSignal_InvalidBsn_NamesPositionTypeAndRule()
    {
        var request = StandardSignal();
        request.Subjects[1].Identifiers.Add(new Proto.IdentifierInput { Type = Proto.IdentifierType.Bsn, Value = "123456789" });

        var refusal = await Assert.ThrowsAsync<RpcException>(
            () => Environment.Client.RegisterSignalAsync(request, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonInvalidIdentifier, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal("1", refusal.Trailer(CoordinatorErrorCodes.SubjectIndexTrailer));
        Assert.Equal("1", refusal.Trailer(CoordinatorErrorCodes.IdentifierIndexTrailer));
        Assert.Equal("bsn", refusal.Trailer(CoordinatorErrorCodes.IdentifierTypeTrailer));
        Assert.Equal("Elfproef", refusal.Trailer(CoordinatorErrorCodes.IdentifierRuleTrailer));
        Assert.DoesNotContain("123456789", refusal.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitSignedDecision_OneSigner_IsThresholdNotMet()
    {
        var signal = await Environment.RegisterSignalAsync();
        var prepared = await Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope(Brp));
        var signed = TestKerngroep.Sign(prepared.Payload, Environment.Kerngroep.PrivacyOfficer);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.Client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = signed }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionThresholdNotMet, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task SubmitSignedDecision_SignatureOverOtherPayload_IsSignatureInvalid()
    {
        var signal = await Environment.RegisterSignalAsync();
        var prepared = await Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope(Brp));
        var other = await Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope(Taxes));
        var signed = TestKerngroep.Sign(prepared.Payload, Environment.Kerngroep.PrivacyOfficer);
        signed.Signatures.Add(TestKerngroep.Sign(other.Payload, Environment.Kerngroep.Chair).Signatures[0]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.Client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = signed }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionSignatureInvalid, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal(Environment.Kerngroep.Chair.MemberId, refusal.Trailer(CoordinatorErrorCodes.MemberIdTrailer));
    }

    [Fact]
    public async Task SubmitSignedDecision_Twice_IsAlreadyExists()
    {
        var signal = await Environment.RegisterSignalAsync();
        var prepared = await Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope(Brp));
        var request = new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, PrivacyCheck1Signers(Environment.Kerngroep)) };
        await Environment.Client.SubmitSignedDecisionAsync(request, deadline: Deadline(), cancellationToken: Token);

        var refusal = await Assert.ThrowsAsync<RpcException>(
            () => Environment.Client.SubmitSignedDecisionAsync(request, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonAlreadyExists, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public async Task PreparePrivacyCheck1_UnknownDepartment_IsUnknownDepartment()
    {
        var signal = await Environment.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope("parkeren")));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonUnknownDepartment, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal("parkeren", refusal.Trailer(CoordinatorErrorCodes.DepartmentTrailer));
    }

    [Fact]
    public async Task PreparePrivacyCheck1_SubjectOfAnotherSignal_IsSubjectNotInSignal()
    {
        var signal = await Environment.RegisterSignalAsync();
        var other = await Environment.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(
            () => Environment.PreparePrivacyCheck1Async(signal.SignalId, Scope(Brp, other.Subjects[0].SubjectId)));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonSubjectNotInSignal, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
        Assert.Equal(other.Subjects[0].SubjectId, refusal.Trailer(CoordinatorErrorCodes.SubjectIdTrailer));
    }

    [Fact]
    public async Task GetSignal_UnknownId_IsSignalNotFound()
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() => Environment.Client.GetSignalAsync(
            new Proto.GetSignalRequest { SignalId = Guid.NewGuid().ToString() }, deadline: Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonSignalNotFound, refusal.Trailer(CoordinatorErrorCodes.ReasonTrailer));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private CoordinatorTestEnvironment? _environment;

        internal CoordinatorTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The environment is not started.");

        public async ValueTask InitializeAsync() => _environment = await StartAsync();

        public async ValueTask DisposeAsync()
        {
            if (_environment is not null)
            {
                await _environment.DisposeAsync();
            }
        }
    }
}
