using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using DecisionKind = GsoHitService.Protocol.V1.DecisionKind;
using IdentifierType = GsoHitService.Matching.IdentifierType;
using DecisionSignature = GsoHitService.Decisions.DecisionSignature;
using SignedDecision = GsoHitService.Decisions.SignedDecision;

namespace GsoHitService.Cli.Tests.Coordinator;

public sealed class PrivacyCheckCommandTests : IClassFixture<CoordinatorServer>
{
    private static readonly TokenContext Context = new(1, "nl-1", "2026-12");
    private readonly CoordinatorServer _server;

    public PrivacyCheckCommandTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
        _server.Fake.OnPreparePrivacyCheck1 = request => Task.FromResult(PreparePrivacyCheck1(request));
        _server.Fake.OnPreparePrivacyCheck2 = request => Task.FromResult(PreparePrivacyCheck2(request));
    }

    [Fact]
    public async Task Pc1Prepare_WritesFileThatDecisionsLibraryReads()
    {
        var path = _server.Folder.Combine($"{Guid.NewGuid():N}.json");
        var until = DateTime.Now.Date.AddDays(14);

        var (exitCode, output, error) = await PreparePrivacyCheck1(path, until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--type", "bsn", "--type", "adres");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<PreparePrivacyCheck1Request>();
        Assert.Equal("sig-1", request.SignalId);
        Assert.Equal(["brp", "vergunningen"], request.Scopes.Select(scope => scope.Department));
        Assert.All(request.Scopes, scope => Assert.Equal(["subject-1", "subject-2"], scope.SubjectIds));
        Assert.Equal([Protocol.V1.IdentifierType.Bsn, Protocol.V1.IdentifierType.Address], request.IdentifierTypes);
        Assert.Equal(new DateTimeOffset(until), request.ValidUntil.ToDateTimeOffset());
        Assert.Equal("Nagaan of betrokkenen bekend zijn.", request.Purpose);

        var decision = Assert.IsType<PrivacyCheck1Decision>(DecisionEncoding.Decode(DecisionFile.Read(path).Payload.Span));
        Assert.Equal("pc1-2026-0001", decision.DecisionId);
        Assert.Equal("sig-1", decision.SignalId);
        Assert.Equal(["brp", "vergunningen"], decision.Departments.Select(set => set.Department).Order());
        Assert.Empty(DecisionFile.Read(path).Signatures);
        Assert.Contains("Besluitbestand geschreven: " + path, output, StringComparison.Ordinal);
        Assert.Contains($"gso decision sign {path} --sleutel", output, StringComparison.Ordinal);
        Assert.Contains($"gso decision submit {path}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pc1Prepare_ExistingFile_IsNotOverwritten()
    {
        var path = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", "eerder besluit");

        var (exitCode, _, error) = await PreparePrivacyCheck1(path, FutureDate());

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("bestaat al en wordt niet overschreven", error, StringComparison.Ordinal);
        Assert.Equal("eerder besluit", File.ReadAllText(path));
    }

    [Fact]
    public async Task Pc1Prepare_MismatchedDecision_WritesNoFile()
    {
        _server.Fake.OnPreparePrivacyCheck1 = request =>
        {
            request.Scopes.Add(new DepartmentScope { Department = "belastingen" });
            return Task.FromResult(PreparePrivacyCheck1(request));
        };
        var path = _server.Folder.Combine($"{Guid.NewGuid():N}.json");

        var (exitCode, _, error) = await PreparePrivacyCheck1(path, FutureDate());

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("niet overeenkomt met de aanvraag (afdelingen)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("2001-01-01", "--geldig-tot ligt in het verleden")]
    [InlineData("31-02-2099", "is geen datum")]
    [InlineData("volgende week", "is geen datum")]
    public async Task Pc1Prepare_InvalidValidity_ExitsTwoWithoutCall(string until, string expected)
    {
        var (exitCode, _, error) = await PreparePrivacyCheck1(_server.Folder.Combine($"{Guid.NewGuid():N}.json"), until);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    [Fact]
    public async Task Pc1Prepare_UnknownType_ExitsOne()
    {
        var (exitCode, _, error) = await PreparePrivacyCheck1(_server.Folder.Combine($"{Guid.NewGuid():N}.json"), FutureDate(), "--type", "paspoort");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("onbekende soort 'paspoort'", error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    [Fact]
    public async Task Pc2Prepare_WritesFileThatDecisionsLibraryReads()
    {
        var path = _server.Folder.Combine($"{Guid.NewGuid():N}.json");

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL",
        [
            "pc2", "prepare", "--casus", "casus-9", "--afdeling", "vergunningen",
            "--betrokkene", "subject-1", "--veld", "vergunningsoort", "--veld", "datum-verleend", "--ontvanger", "casus-lid-1",
            "--doel", "Beeldvorming in het casusoverleg.", "--grondslag", "Art. 6 lid 1 onder e AVG",
            "--geldig-tot", FutureDate(), "--uitvoer", path, .. _server.ConnectionArguments(),
        ]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<PreparePrivacyCheck2Request>();
        Assert.Equal("casus-9", request.CaseId);
        Assert.Equal(["vergunningsoort", "datum-verleend"], request.Fields);
        Assert.Equal(["casus-lid-1"], request.Recipients);
        var decision = Assert.IsType<PrivacyCheck2Decision>(DecisionEncoding.Decode(DecisionFile.Read(path).Payload.Span));
        Assert.Equal("vergunningen", decision.Department);
        Assert.Contains("Besluit privacycheck 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SignedFile_SendsPayloadAndSignatures()
    {
        var payload = DecisionEncoding.Encode(PrivacyCheck1Decision("pc1-2026-0002", "sig-1", ["brp"]));
        var signature = RandomNumberGenerator.GetBytes(64);
        var path = _server.Folder.Combine($"{Guid.NewGuid():N}.json");
        DecisionFile.Write(path, new SignedDecision(payload, [new DecisionSignature("po-1", signature)]));
        _server.Fake.OnSubmitSignedDecision = _ => Task.FromResult(new DecisionView
        {
            DecisionId = "pc1-2026-0002",
            Kind = DecisionKind.PrivacyCheck1,
            SignedBy = { "po-1", "jurist-1" },
            Departments = { "brp" },
            Purpose = "Nagaan of betrokkenen bekend zijn.",
            LegalBasis = "Art. 6 lid 1 onder e AVG",
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["decision", "submit", path, .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var sent = _server.Fake.Single<SubmitSignedDecisionRequest>().Decision;
        Assert.Equal(payload, sent.Payload.ToByteArray());
        Assert.Equal("po-1", Assert.Single(sent.Signatures).MemberId);
        Assert.Equal(signature, sent.Signatures[0].Signature.ToByteArray());
        Assert.Contains("Besluit vastgelegd door de coördinator", output, StringComparison.Ordinal);
        Assert.Contains("po-1, jurist-1", output, StringComparison.Ordinal);
        Assert.Contains("gso query run --signaal sig-1 --besluit pc1-2026-0002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnsignedFile_ExitsTwoWithoutCall()
    {
        var path = _server.Folder.Combine($"{Guid.NewGuid():N}.json");
        DecisionFile.Write(path, SignedDecision.Create(PrivacyCheck1Decision("pc1-2026-0003", "sig-1", ["brp"])));

        var (exitCode, _, error) = await CommandRunner.RunAsync("nl-NL", ["decision", "submit", path, .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("nog door niemand ondertekend", error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    private Task<(int ExitCode, string Output, string Error)> PreparePrivacyCheck1(string path, string until, params string[] extra) =>
        CommandRunner.RunAsync("nl-NL",
        [
            "pc1", "prepare", "--signaal", "sig-1", "--afdeling", "brp", "--afdeling", "vergunningen",
            "--betrokkene", "subject-1", "--betrokkene", "subject-2",
            "--doel", "Nagaan of betrokkenen bekend zijn.", "--grondslag", "Art. 6 lid 1 onder e AVG",
            "--geldig-tot", until, "--uitvoer", path, .. extra, .. _server.ConnectionArguments(),
        ]);

    private static string FutureDate() => DateTime.Now.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static PreparedDecision PreparePrivacyCheck1(PreparePrivacyCheck1Request request)
    {
        var types = request.IdentifierTypes.Select(type => (IdentifierType)(int)type).ToList();
        var tokenType = types.Count > 0 ? types[0] : IdentifierType.Bsn;
        var decision = GsoHitService.Decisions.PrivacyCheck1Decision.Create(
            "pc1-2026-0001",
            request.SignalId,
            new ValidityPeriod(request.ValidFrom.ToDateTimeOffset(), request.ValidUntil.ToDateTimeOffset()),
            request.Purpose,
            request.LegalBasis,
            Context,
            request.Scopes.ToDictionary(scope => scope.Department, _ => (IReadOnlyCollection<SubjectToken>)[Token(tokenType), Token(tokenType)]),
            types.Count > 0 ? types : null);
        return new PreparedDecision { DecisionId = decision.DecisionId, Payload = ByteString.CopyFrom(DecisionEncoding.Encode(decision)) };
    }

    private static PreparedDecision PreparePrivacyCheck2(PreparePrivacyCheck2Request request)
    {
        var decision = new PrivacyCheck2Decision
        {
            DecisionId = "pc2-2026-0001",
            CaseId = request.CaseId,
            Department = request.Department,
            Validity = new ValidityPeriod(request.ValidFrom.ToDateTimeOffset(), request.ValidUntil.ToDateTimeOffset()),
            Purpose = request.Purpose,
            LegalBasis = request.LegalBasis,
            TokenContext = Context,
            Subjects = request.SubjectIds.Select(id => new ReleaseSubject(id, [Token(IdentifierType.Bsn)])).ToList(),
            Fields = [.. request.Fields],
            Recipients = [.. request.Recipients],
        };
        return new PreparedDecision { DecisionId = decision.DecisionId, Payload = ByteString.CopyFrom(DecisionEncoding.Encode(decision)) };
    }

    private static GsoHitService.Decisions.PrivacyCheck1Decision PrivacyCheck1Decision(string decisionId, string signalId, string[] departments) =>
        GsoHitService.Decisions.PrivacyCheck1Decision.Create(
            decisionId,
            signalId,
            new ValidityPeriod(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7)),
            "Nagaan of betrokkenen bekend zijn.",
            "Art. 6 lid 1 onder e AVG",
            Context,
            departments.ToDictionary(department => department, _ => (IReadOnlyCollection<SubjectToken>)[Token(IdentifierType.Bsn)]));

    private static SubjectToken Token(IdentifierType type) => new(type, new MatchToken(RandomNumberGenerator.GetBytes(MatchToken.Length)));
}
