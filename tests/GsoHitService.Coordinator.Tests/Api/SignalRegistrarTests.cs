using Grpc.Core;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Signals;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using static GsoHitService.Coordinator.Tests.Support.CoordinatorHarness;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Api;

public sealed class SignalRegistrarTests : IAsyncLifetime
{
    private CoordinatorHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await CreateAsync("brp");

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_ValidSignal_StoresCanonicalIdentifiers()
    {
        var request = Request(
            Subject("A", "persoon", (Proto.IdentifierType.Bsn, "111 222 333"), (Proto.IdentifierType.Address, "1234 ab;12")),
            Subject("B", "Organisatie", (Proto.IdentifierType.KvkNumber, "12345678")));

        var signal = await Registrar().RegisterAsync(request, Caller, Token);
        var stored = await _harness.Store.GetSignalAsync(signal.Id, Token);

        Assert.Equal(["111222333", "1234AB;12"], stored!.Subjects[0].Identifiers.Select(identifier => identifier.Value));
        Assert.Equal(SubjectKind.Organisation, stored.Subjects[1].Kind);
    }

    [Fact]
    public async Task RegisterAsync_InvalidIdentifier_NamesPositionTypeAndRuleNotValue()
    {
        var request = Request(
            Subject("A", "persoon", (Proto.IdentifierType.Bsn, "111222333")),
            Subject("B", "persoon", (Proto.IdentifierType.Bsn, "123456782"), (Proto.IdentifierType.Address, "0123AB;1")));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => Registrar().RegisterAsync(request, Caller, Token));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Status);
        Assert.Equal(CoordinatorErrorCodes.ReasonInvalidIdentifier, refusal.Reason);
        Assert.Equal(
            [
                (CoordinatorErrorCodes.SubjectIndexTrailer, "1"),
                (CoordinatorErrorCodes.IdentifierIndexTrailer, "1"),
                (CoordinatorErrorCodes.IdentifierTypeTrailer, "adres"),
                (CoordinatorErrorCodes.IdentifierRuleTrailer, nameof(IdentifierRule.PostcodeFirstDigitZero)),
            ],
            refusal.Details);
        Assert.DoesNotContain("0123AB", refusal.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RegisterAsync_InvalidIdentifier_RecordsNothing()
    {
        var request = Request(Subject("A", "persoon", (Proto.IdentifierType.Bsn, "111222334")));

        await Assert.ThrowsAsync<RequestRefusedException>(() => Registrar().RegisterAsync(request, Caller, Token));

        Assert.Empty(await File.ReadAllTextAsync(_harness.AuditLogPath, Token));
    }

    [Fact]
    public async Task RegisterAsync_SameBsnInTwoSpellings_IsDuplicateIdentifier()
    {
        var request = Request(Subject("A", "persoon", (Proto.IdentifierType.Bsn, "111222333"), (Proto.IdentifierType.Bsn, "111.222.333")));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => Registrar().RegisterAsync(request, Caller, Token));

        Assert.Equal(CoordinatorErrorCodes.ReasonDuplicateIdentifier, refusal.Reason);
        Assert.Contains((CoordinatorErrorCodes.IdentifierIndexTrailer, "1"), refusal.Details);
    }

    [Fact]
    public async Task RegisterAsync_UnspecifiedType_IsInvalidRequest()
    {
        var request = Request(Subject("A", "persoon", (Proto.IdentifierType.Unspecified, "111222333")));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => Registrar().RegisterAsync(request, Caller, Token));

        Assert.Equal(CoordinatorErrorCodes.ReasonInvalidRequest, refusal.Reason);
        Assert.Contains((CoordinatorErrorCodes.SubjectIndexTrailer, "0"), refusal.Details);
    }

    [Fact]
    public async Task RegisterAsync_UnknownKind_IsInvalidRequestWithoutEcho()
    {
        var request = Request(Subject("A", "Jan Jansen", (Proto.IdentifierType.Bsn, "111222333")));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => Registrar().RegisterAsync(request, Caller, Token));

        Assert.Equal(CoordinatorErrorCodes.ReasonInvalidRequest, refusal.Reason);
        Assert.DoesNotContain("Jansen", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_NoSubjects_IsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Registrar().RegisterAsync(Request(), Caller, Token));
    }

    private SignalRegistrar Registrar() => new(_harness.Store, _harness.Audit);

    private static Proto.RegisterSignalRequest Request(params Proto.SubjectInput[] subjects)
    {
        var request = new Proto.RegisterSignalRequest { Title = "Signaal", Reporter = "melding", Description = "" };
        request.Subjects.AddRange(subjects);
        return request;
    }

    private static Proto.SubjectInput Subject(string label, string kind, params (Proto.IdentifierType Type, string Value)[] identifiers)
    {
        var subject = new Proto.SubjectInput { Label = label, Kind = kind };
        subject.Identifiers.AddRange(identifiers.Select(identifier => new Proto.IdentifierInput { Type = identifier.Type, Value = identifier.Value }));
        return subject;
    }
}
