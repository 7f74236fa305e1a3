using Grpc.Core;
using GsoHitService.Protocol;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Coordinator;

public sealed class SignalCommandTests : IClassFixture<CoordinatorServer>
{
    // RvIG test BSNs: 999990019 passes the elfproef, 999990001 does not.
    private const string ValidBsn = "999990019";
    private const string InvalidBsn = "999990001";
    private const string InvalidPostcodeAddress = "0123AB;12";

    private readonly CoordinatorServer _server;

    public SignalCommandTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
        _server.Fake.OnRegisterSignal = (request, _) => Task.FromResult(RegisteredReply(request));
    }

    [Fact]
    public async Task Register_ValidJson_SendsSubjectsAndPrintsIds()
    {
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", $$"""
            [
              { "label": "Betrokkene A", "soort": "persoon", "identificaties": [
                  { "type": "bsn", "waarde": "{{ValidBsn}}" },
                  { "type": "adres", "waarde": "1234 ab;12;a" } ] },
              { "label": "Betrokkene B", "soort": "organisatie", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] }
            ]
            """);

        var (exitCode, output, error) = await Register(subjects);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<RegisterSignalRequest>();
        Assert.Equal("Melding woonfraude", request.Title);
        Assert.Equal("melding politie", request.Reporter);
        Assert.Equal("Twee panden, één eigenaar.", request.Description);
        Assert.Equal(["Betrokkene A", "Betrokkene B"], request.Subjects.Select(subject => subject.Label));
        Assert.Equal(["persoon", "organisatie"], request.Subjects.Select(subject => subject.Kind));
        Assert.Equal([IdentifierType.Bsn, IdentifierType.Address], request.Subjects[0].Identifiers.Select(identifier => identifier.Type));
        Assert.Equal([ValidBsn, "1234 ab;12;a"], request.Subjects[0].Identifiers.Select(identifier => identifier.Value));
        Assert.Contains("Signaal geregistreerd: sig-1", output, StringComparison.Ordinal);
        Assert.Contains("subject-1", output, StringComparison.Ordinal);
        Assert.Contains("subject-2", output, StringComparison.Ordinal);
        Assert.Contains("BSN, Adres", output, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidBsn, output, StringComparison.Ordinal);
        Assert.Contains("gso pc1 prepare --signaal sig-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_CsvWithSemicolons_GroupsRowsBySubject()
    {
        // Excel's "CSV UTF-8" with a BOM and a sep= line; the address contains the separator, so it is quoted.
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.csv",
            "\uFEFFsep=;\r\nlabel;soort;type;waarde\r\nBetrokkene A;persoon;bsn;" + ValidBsn + "\r\nBetrokkene B;organisatie;kvk;12345678\r\nBetrokkene A;persoon;adres;\"1234AB;12\"\r\n");

        var (exitCode, _, error) = await Register(subjects);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<RegisterSignalRequest>();
        Assert.Equal(["Betrokkene A", "Betrokkene B"], request.Subjects.Select(subject => subject.Label));
        Assert.Equal(["bsn:" + ValidBsn, "adres:1234AB;12"], request.Subjects[0].Identifiers.Select(identifier => $"{Name(identifier.Type)}:{identifier.Value}"));
    }

    [Fact]
    public async Task Register_InvalidIdentifiers_ExitsTwoWithoutCall()
    {
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", $$"""
            [
              { "label": "Betrokkene A", "soort": "persoon", "identificaties": [
                  { "type": "adres", "waarde": "1234AB;12" },
                  { "type": "bsn", "waarde": "{{InvalidBsn}}" } ] },
              { "label": "Betrokkene B", "soort": "persoon", "identificaties": [ { "type": "adres", "waarde": "{{InvalidPostcodeAddress}}" } ] }
            ]
            """);

        var (exitCode, output, error) = await Register(subjects);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal("", output);
        Assert.Empty(_server.Fake.Requests);
        Assert.Contains("Er is niets naar de coördinator gestuurd", error, StringComparison.Ordinal);
        Assert.Contains("Betrokkene A (betrokkene 1), identificatiegegeven 2: BSN: de elfproef klopt niet", error, StringComparison.Ordinal);
        Assert.Contains("Betrokkene B (betrokkene 2), identificatiegegeven 1: Adres:", error, StringComparison.Ordinal);
        Assert.Contains("postcode", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(InvalidBsn, error, StringComparison.Ordinal);
        Assert.DoesNotContain("0123", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InvalidIdentifierInCsv_NamesLine()
    {
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.csv", $"label,soort,type,waarde\nBetrokkene A,persoon,kvk,12345678\nBetrokkene A,persoon,bsn,{InvalidBsn}\n");

        var (exitCode, _, error) = await Register(subjects);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Betrokkene A (betrokkene 1), identificatiegegeven 2 (regel 3): BSN:", error, StringComparison.Ordinal);
        Assert.DoesNotContain(InvalidBsn, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InvalidIdentifierEnglish_UsesEnglishMessages()
    {
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", $$"""
            [ { "label": "Subject A", "soort": "persoon", "identificaties": [ { "type": "bsn", "waarde": "{{InvalidBsn}}" } ] } ]
            """);

        var (exitCode, _, error) = await Register(subjects, "en-GB");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Nothing was sent to the coordinator", error, StringComparison.Ordinal);
        Assert.Contains("Subject A (subject 1), identifier 1: BSN: the elfproef (11-test) fails", error, StringComparison.Ordinal);
        Assert.DoesNotContain("elfproef klopt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "label": "", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] } ]""", "het label ontbreekt")]
    [InlineData("""[ { "label": "A", "soort": "999990019", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] } ]""", "de soort ontbreekt of is ongeldig")]
    [InlineData("""[ { "label": "A", "soort": "persoon", "identificaties": [ { "type": "999990019", "waarde": "12345678" } ] } ]""", "de soort ontbreekt of is onbekend")]
    [InlineData("""[ { "label": "A", "soort": "persoon", "identificaties": [] } ]""", "er zijn geen identificatiegegevens")]
    [InlineData("""[ { "label": "A", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] }, { "label": "A", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "87654321" } ] } ]""", "hetzelfde label als betrokkene 1")]
    [InlineData("""[ { "label": "A", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "12345678" }, { "type": "kvk", "waarde": "1234 5678" } ] } ]""", "hetzelfde gegeven (KvK-nummer) als identificatiegegeven 1")]
    [InlineData("""[]""", "Het bestand bevat geen betrokkenen")]
    [InlineData("""[ { "label": "A", "soort": "persoon", "identificaties": [ { "type": "kvk", "value": "12345678" } ] } ]""", "onbekend veld \"value\"")]
    [InlineData("""{ "label": "A" }""", "het moet een JSON-lijst van betrokkenen zijn")]
    [InlineData("""[ { "label": "A", """, "het is geen geldige JSON")]
    public async Task Register_InvalidSubjects_ExitsTwoWithMessage(string json, string expected)
    {
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", json);

        var (exitCode, _, error) = await Register(subjects);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("999990019", error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    [Fact]
    public async Task Register_CoordinatorRejectsIdentifier_NamesSubjectLabel()
    {
        _server.Fake.OnRegisterSignal = (_, _) => throw FakeCoordinator.Refusal(
            StatusCode.InvalidArgument,
            CoordinatorErrorCodes.ReasonInvalidIdentifier,
            (CoordinatorErrorCodes.SubjectIndexTrailer, "1"),
            (CoordinatorErrorCodes.IdentifierIndexTrailer, "0"),
            (CoordinatorErrorCodes.IdentifierTypeTrailer, "kvk"),
            (CoordinatorErrorCodes.IdentifierRuleTrailer, "WrongLength"));
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", """
            [ { "label": "Betrokkene A", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] },
              { "label": "Betrokkene B", "soort": "organisatie", "identificaties": [ { "type": "kvk", "waarde": "87654321" } ] } ]
            """);

        var (exitCode, _, error) = await Register(subjects);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("identificatiegegeven 1 van Betrokkene B (betrokkene 2)", error, StringComparison.Ordinal);
        Assert.Contains("KvK-nummer:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("87654321", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_CoordinatorFindsDuplicate_NamesSubjectAndType()
    {
        _server.Fake.OnRegisterSignal = (_, _) => throw FakeCoordinator.Refusal(
            StatusCode.InvalidArgument,
            CoordinatorErrorCodes.ReasonDuplicateIdentifier,
            (CoordinatorErrorCodes.SubjectIndexTrailer, "0"),
            (CoordinatorErrorCodes.IdentifierIndexTrailer, "1"),
            (CoordinatorErrorCodes.IdentifierTypeTrailer, "kvk"));
        var subjects = _server.Folder.WriteFile($"{Guid.NewGuid():N}.json", """
            [ { "label": "Betrokkene A", "soort": "organisatie", "identificaties": [ { "type": "kvk", "waarde": "12345678" }, { "type": "kvk", "waarde": "87654321" } ] } ]
            """);

        var (exitCode, _, error) = await Register(subjects);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("identificatiegegeven 2 van Betrokkene A (betrokkene 1) af: het is hetzelfde gegeven (KvK-nummer)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_MissingSubjectsFile_ExitsTwo()
    {
        var (exitCode, _, error) = await Register(_server.Folder.Combine("bestaat-niet.json"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Signal_PrintsTypesDecisionsQueriesAndCase()
    {
        _server.Fake.OnGetSignal = request => Task.FromResult(new SignalView
        {
            SignalId = request.SignalId,
            Title = "Melding woonfraude",
            RegisteredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            Subjects = { new SubjectView { SubjectId = "subject-1", Label = "Betrokkene A", Kind = "persoon", IdentifierTypes = { IdentifierType.Bsn, IdentifierType.SurnameBirthDate } } },
            Decisions =
            {
                new DecisionView
                {
                    DecisionId = "pc1-7",
                    Kind = DecisionKind.PrivacyCheck1,
                    Departments = { "brp", "vergunningen" },
                    SignedBy = { "po-1", "jurist-1" },
                    Purpose = "Nagaan of betrokkenen bekend zijn.",
                    LegalBasis = "Art. 6 lid 1 onder e AVG",
                    ValidUntil = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
                },
            },
            QueryIds = { "query-3" },
            CaseId = "casus-9",
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["signal", "show", "sig-1", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Equal("sig-1", _server.Fake.Single<GetSignalRequest>().SignalId);
        Assert.Contains("Melding woonfraude", output, StringComparison.Ordinal);
        Assert.Contains("BSN, Achternaam + geboortedatum", output, StringComparison.Ordinal);
        Assert.Contains("pc1-7", output, StringComparison.Ordinal);
        Assert.Contains("privacycheck 1", output, StringComparison.Ordinal);
        Assert.Contains("brp, vergunningen", output, StringComparison.Ordinal);
        Assert.Contains("po-1, jurist-1", output, StringComparison.Ordinal);
        Assert.Contains("query-3", output, StringComparison.Ordinal);
        Assert.Contains("casus-9", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Register(string subjectsFile, string culture = "nl-NL") =>
        CommandRunner.RunAsync(culture,
        [
            "signal", "register",
            "--titel", "Melding woonfraude",
            "--melder", "melding politie",
            "--omschrijving", "Twee panden, één eigenaar.",
            "--betrokkenen", subjectsFile,
            .. _server.ConnectionArguments(),
        ]);

    private static RegisterSignalReply RegisteredReply(RegisterSignalRequest request)
    {
        var reply = new RegisterSignalReply { SignalId = "sig-1" };
        reply.Subjects.AddRange(request.Subjects.Select((subject, i) => new SubjectView
        {
            SubjectId = $"subject-{i + 1}",
            Label = subject.Label,
            Kind = subject.Kind,
            IdentifierTypes = { subject.Identifiers.Select(identifier => identifier.Type).Distinct() },
        }));
        return reply;
    }

    private static string Name(IdentifierType type) => Matching.IdentifierTypes.ToName((Matching.IdentifierType)(int)type);
}
