using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using static GsoHitService.Coordinator.Tests.Support.CoordinatorHarness;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Decisions;

public sealed class DecisionPreparerTests : IAsyncLifetime
{
    private CoordinatorHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await CreateAsync("brp", "belastingen");

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PreparePrivacyCheck1_Scopes_DigestsAreTheTokensEachDepartmentGets()
    {
        var signal = await _harness.RegisterSignalAsync();
        var request = Request(signal, Scope("brp"), Scope("belastingen", signal.Subjects[1].Id));

        var prepared = await _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token);

        var model = Assert.IsType<PrivacyCheck1Decision>(DecisionEncoding.Decode(prepared.Payload));
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _harness.Tokenizer);
        Assert.Equal(SubjectSetDigest.Compute(tokens.ForSubjects(signal.Subjects.Select(subject => subject.Id))), model.FindDepartment("brp")!.Subjects);
        Assert.Equal(SubjectSetDigest.Compute(tokens.ForSubjects([signal.Subjects[1].Id])), model.FindDepartment("belastingen")!.Subjects);
        Assert.Equal(prepared.Id.Value, model.DecisionId);
        Assert.Equal(signal.Id.Value, model.SignalId);
        Assert.Equal(new TokenContext(TokenScheme.Version, NormaliserProfile.Id, "2026-01"), model.TokenContext);
        Assert.Equal([IdentifierType.Bsn, IdentifierType.KvkNumber, IdentifierType.Address], model.IdentifierTypes.Order());
    }

    [Fact]
    public async Task PreparePrivacyCheck1_Recorded_KeepsTheSubjectsPerDepartment()
    {
        var signal = await _harness.RegisterSignalAsync();
        var request = Request(signal, Scope("brp"), Scope("belastingen", signal.Subjects[1].Id));

        var prepared = await _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token);
        var stored = await _harness.Store.GetPreparedDecisionAsync(prepared.Id, Token);

        Assert.Equal(prepared.Payload, stored!.Payload);
        Assert.Equal(signal.Subjects.Select(subject => subject.Id), stored.Scopes.Single(scope => scope.Department == "brp").SubjectIds);
        Assert.Equal([signal.Subjects[1].Id], stored.Scopes.Single(scope => scope.Department == "belastingen").SubjectIds);
    }

    [Fact]
    public async Task PreparePrivacyCheck1_OnlyAddressType_LeavesOtherTypesOut()
    {
        var signal = await _harness.RegisterSignalAsync();
        var request = Request(signal, Scope("brp", signal.Subjects[0].Id));
        request.IdentifierTypes.Add(Proto.IdentifierType.Address);

        var prepared = await _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token);

        var model = Assert.IsType<PrivacyCheck1Decision>(DecisionEncoding.Decode(prepared.Payload));
        Assert.Equal([IdentifierType.Address], model.IdentifierTypes);
        Assert.Equal(1, model.FindDepartment("brp")!.Subjects.TokenCount);
    }

    [Fact]
    public async Task PreparePrivacyCheck1_NoValidUntil_TakesDefaultValidity()
    {
        var signal = await _harness.RegisterSignalAsync();
        var request = Request(signal, Scope("brp"));
        request.ValidFrom = null;
        request.ValidUntil = null;

        var prepared = await _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token);

        var model = DecisionEncoding.Decode(prepared.Payload);
        Assert.Equal(_harness.Time.GetUtcNow(), model.Validity.From);
        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromDays(14), model.Validity.Until);
    }

    public static TheoryData<string, Func<Signal, Proto.PreparePrivacyCheck1Request>> Refusals => new()
    {
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal) },
        { CoordinatorErrorCodes.ReasonUnknownDepartment, signal => Request(signal, Scope("parkeren")) },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal, Scope("brp"), Scope("brp")) },
        { CoordinatorErrorCodes.ReasonSubjectNotInSignal, signal => Request(signal, Scope("brp", SubjectId.New())) },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal, Scope("brp", signal.Subjects[0].Id, signal.Subjects[0].Id)) },
        { CoordinatorErrorCodes.ReasonNoIdentifiersForDepartment, signal => WithTypes(Request(signal, Scope("brp", signal.Subjects[1].Id)), Proto.IdentifierType.Bsn) },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => WithTypes(Request(signal, Scope("brp")), (Proto.IdentifierType)77) },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal, Scope("brp")).WithPurpose("") },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal, Scope("brp")).WithPurpose("Onderzoek\u202Enaar") },
        { CoordinatorErrorCodes.ReasonInvalidRequest, signal => Request(signal, Scope("brp")).WithValidUntil(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task PreparePrivacyCheck1_BadRequest_IsInvalidArgumentWithReason(string reason, Func<Signal, Proto.PreparePrivacyCheck1Request> request)
    {
        var signal = await _harness.RegisterSignalAsync();

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => _harness.Preparer().PreparePrivacyCheck1Async(request(signal), Caller, Token));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Status);
        Assert.Equal(reason, refusal.Reason);
    }

    [Fact]
    public async Task PreparePrivacyCheck1_UnknownSignal_IsSignalNotFound()
    {
        var signal = await _harness.RegisterSignalAsync();
        var request = Request(signal, Scope("brp"));
        request.SignalId = SignalId.New().Value;

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => _harness.Preparer().PreparePrivacyCheck1Async(request, Caller, Token));

        Assert.Equal(StatusCode.NotFound, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonSignalNotFound, refusal.Reason);
    }

    private static Proto.PreparePrivacyCheck1Request Request(Signal signal, params Proto.DepartmentScope[] scopes)
    {
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = signal.Id.Value,
            Purpose = "Onderzoek",
            LegalBasis = "Gemeentewet art. 174a",
            ValidUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero)),
        };
        request.Scopes.AddRange(scopes);
        return request;
    }

    private static Proto.PreparePrivacyCheck1Request WithTypes(Proto.PreparePrivacyCheck1Request request, params Proto.IdentifierType[] types)
    {
        request.IdentifierTypes.AddRange(types);
        return request;
    }
}

internal static class PrepareRequestChanges
{
    public static Proto.PreparePrivacyCheck1Request WithPurpose(this Proto.PreparePrivacyCheck1Request request, string purpose)
    {
        request.Purpose = purpose;
        return request;
    }

    public static Proto.PreparePrivacyCheck1Request WithValidUntil(this Proto.PreparePrivacyCheck1Request request, DateTimeOffset validUntil)
    {
        request.ValidUntil = Timestamp.FromDateTimeOffset(validUntil);
        return request;
    }
}
