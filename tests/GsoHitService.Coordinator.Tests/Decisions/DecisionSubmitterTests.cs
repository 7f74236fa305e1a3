using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Decisions.Keys;
using GsoHitService.Protocol;
using static GsoHitService.Coordinator.Tests.Support.CoordinatorHarness;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Decisions;

public sealed class DecisionSubmitterTests : IAsyncLifetime
{
    private CoordinatorHarness _harness = null!;
    private Signal _signal = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await CreateAsync("brp", "belastingen");
        _signal = await _harness.RegisterSignalAsync();
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_ThresholdMet_RecordsPreparedScope()
    {
        var prepared = await PrepareAsync(Scope("brp"), Scope("belastingen", _signal.Subjects[1].Id));

        var decision = await SubmitAsync(Sign(prepared.Payload, _harness.PrivacyOfficer, _harness.Chair));

        Assert.Equal(prepared.Id, decision.Id);
        Assert.Equal(DecisionKind.PrivacyCheck1, decision.Kind);
        Assert.Equal(["po-1", "vz-1"], decision.SignedBy);
        Assert.Equal([_signal.Subjects[1].Id], decision.Scopes.Single(scope => scope.Department == "belastingen").SubjectIds);
        Assert.Equal(prepared.Payload, decision.Payload);
    }

    [Fact]
    public async Task SubmitAsync_OnlyPrivacyOfficer_IsThresholdNotMet()
    {
        var prepared = await PrepareAsync(Scope("brp"));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(prepared.Payload, _harness.PrivacyOfficer)));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionThresholdNotMet, refusal.Reason);
    }

    [Fact]
    public async Task SubmitAsync_WithoutPrivacyOfficer_IsThresholdNotMet()
    {
        var prepared = await PrepareAsync(Scope("brp"));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(prepared.Payload, _harness.Chair, _harness.Jurist)));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionThresholdNotMet, refusal.Reason);
        Assert.Contains("PrivacyOfficer", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_MemberOutsideRoster_IsSignatureInvalid()
    {
        var prepared = await PrepareAsync(Scope("brp"));
        using var stranger = MemberSigningKey.Generate("onbekend-1", "Onbekend", GsoHitService.Decisions.CoreTeamRole.Chair);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(
            () => SubmitAsync(Sign(prepared.Payload, _harness.PrivacyOfficer, _harness.Chair, stranger)));

        Assert.Equal(StatusCode.PermissionDenied, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionSignatureInvalid, refusal.Reason);
        Assert.Contains((CoordinatorErrorCodes.MemberIdTrailer, "onbekend-1"), refusal.Details);
    }

    [Fact]
    public async Task SubmitAsync_ChangedPayload_IsPayloadChanged()
    {
        var prepared = await PrepareAsync(Scope("brp"));
        var other = await _harness.Preparer().PreparePrivacyCheck1Async(
            new Proto.PreparePrivacyCheck1Request
            {
                SignalId = _signal.Id.Value,
                Purpose = "Ander doel",
                LegalBasis = "Gemeentewet art. 174a",
                Scopes = { Scope("brp") },
            },
            Caller,
            Token);

        // A payload with the first decision's id but another purpose: the coordinator never prepared it.
        var forged = GsoHitService.Decisions.DecisionEncoding.Encode(GsoHitService.Decisions.DecisionEncoding.Decode(other.Payload) with { DecisionId = prepared.Id.Value });
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(forged, _harness.PrivacyOfficer, _harness.Chair)));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionPayloadChanged, refusal.Reason);
    }

    [Fact]
    public async Task SubmitAsync_NeverPrepared_IsDecisionNotPrepared()
    {
        var prepared = await PrepareAsync(Scope("brp"));
        var model = GsoHitService.Decisions.DecisionEncoding.Decode(prepared.Payload) with { DecisionId = DecisionId.New().Value };
        var payload = GsoHitService.Decisions.DecisionEncoding.Encode(model);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(payload, _harness.PrivacyOfficer, _harness.Chair)));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionNotPrepared, refusal.Reason);
    }

    [Fact]
    public async Task SubmitAsync_GarbagePayload_IsMalformed()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(
            () => SubmitAsync(new Proto.SignedDecision { Payload = ByteString.CopyFromUtf8("not a decision") }));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionMalformed, refusal.Reason);
    }

    [Fact]
    public async Task SubmitAsync_AfterValidUntil_IsExpired()
    {
        var prepared = await PrepareAsync(Scope("brp"));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(prepared.Payload, _harness.PrivacyOfficer, _harness.Chair)));

        Assert.Equal(CoordinatorErrorCodes.ReasonDecisionExpired, refusal.Reason);
    }

    [Fact]
    public async Task SubmitAsync_Refused_RecordsNothing()
    {
        var prepared = await PrepareAsync(Scope("brp"));
        await Assert.ThrowsAsync<RequestRefusedException>(() => SubmitAsync(Sign(prepared.Payload, _harness.PrivacyOfficer)));

        var stored = await _harness.Store.GetDecisionAsync(prepared.Id, Token);

        Assert.Null(stored);
    }

    private Task<PreparedDecision> PrepareAsync(params Proto.DepartmentScope[] scopes)
    {
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = _signal.Id.Value,
            Purpose = "Onderzoek",
            LegalBasis = "Gemeentewet art. 174a",
            ValidUntil = Timestamp.FromDateTimeOffset(_harness.Time.GetUtcNow().AddDays(7)),
        };
        request.Scopes.AddRange(scopes);
        return _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token);
    }

    private Task<Decision> SubmitAsync(Proto.SignedDecision signed) => _harness.Submitter().SubmitAsync(signed, Caller, Token);
}
