using Google.Protobuf.WellKnownTypes;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Coordinator;

public sealed class StatusAndReleaseCommandTests : IClassFixture<CoordinatorServer>
{
    private readonly CoordinatorServer _server;

    public StatusAndReleaseCommandTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
    }

    [Fact]
    public async Task Status_Agents_PrintsStateFreshnessAndCompatibility()
    {
        _server.Fake.OnListAgents = (_, _) => Task.FromResult(new ListAgentsReply
        {
            Agents =
            {
                new AgentStatus
                {
                    Department = "brp",
                    Address = "https://agent-brp.gemeente.example:7443",
                    Reachable = true,
                    Compatible = true,
                    Info = new AgentInfo
                    {
                        Department = "brp",
                        DisplayName = "Basisregistratie Personen",
                        IndexState = IndexState.Ready,
                        LastSuccessfulLoad = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-2).AddMinutes(-5)),
                        IndexedTokenCount = 1234567,
                        AgentVersion = "1.0.0",
                        Context = new MatchContext { TokenSchemeVersion = 1, NormaliserProfile = "nl-1", KeyEpoch = "2026-12" },
                    },
                },
                new AgentStatus
                {
                    Department = "belastingen",
                    Address = "https://agent-belastingen.gemeente.example:7443",
                    Reachable = true,
                    Compatible = false,
                    Problem = "key epoch 2026-11 differs from 2026-12",
                    Info = new AgentInfo
                    {
                        IndexState = IndexState.Stale,
                        UnavailableReason = "bron ouder dan 24 uur",
                        Context = new MatchContext { TokenSchemeVersion = 1, NormaliserProfile = "nl-1", KeyEpoch = "2026-11" },
                    },
                },
                new AgentStatus
                {
                    Department = "sociaal-domein",
                    Address = "https://agent-sd.gemeente.example:7443",
                    Reachable = false,
                    Problem = "connection refused",
                },
            },
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["status", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Contains("brp (https://agent-brp.gemeente.example:7443)", output, StringComparison.Ordinal);
        Assert.Contains("Basisregistratie Personen", output, StringComparison.Ordinal);
        Assert.Contains("Index:          gereed", output, StringComparison.Ordinal);
        Assert.Contains("(2 uur geleden)", output, StringComparison.Ordinal);
        Assert.Contains(1234567.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), output, StringComparison.Ordinal);
        Assert.Contains("ja (tokenschema 1, normalisatieprofiel nl-1, sleutelperiode 2026-12)", output, StringComparison.Ordinal);
        Assert.Contains("verouderd: bron ouder dan 24 uur", output, StringComparison.Ordinal);
        Assert.Contains("nee (tokenschema 1, normalisatieprofiel nl-1, sleutelperiode 2026-11)", output, StringComparison.Ordinal);
        Assert.Contains("key epoch 2026-11 differs from 2026-12", output, StringComparison.Ordinal);
        Assert.Contains("Bereikbaar: nee", output, StringComparison.Ordinal);
        Assert.Contains("connection refused", output, StringComparison.Ordinal);
        Assert.Contains("1 van 3 agents zijn bruikbaar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_English_PrintsEnglishLabels()
    {
        _server.Fake.OnListAgents = (_, _) => Task.FromResult(new ListAgentsReply
        {
            Agents = { new AgentStatus { Department = "brp", Address = "https://agent-brp:7443", Reachable = false, Problem = "timeout" } },
        });

        var (_, output, _) = await CommandRunner.RunAsync("en-GB", ["status", .. _server.ConnectionArguments()]);

        Assert.Contains("Reachable:", output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 agents are usable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseRequest_PrintsCountsOnly()
    {
        _server.Fake.OnRequestContentRelease = _ => Task.FromResult(new ContentReleaseView
        {
            ReleaseId = "release-1",
            CaseId = "casus-9",
            Department = "vergunningen",
            SubjectCount = 1,
            RecordCount = 3,
            ReleasedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["release", "request", "--besluit", "pc2-2026-0001", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Equal("pc2-2026-0001", _server.Fake.Single<RequestContentReleaseRequest>().DecisionId);
        Assert.Contains("release-1", output, StringComparison.Ordinal);
        Assert.Contains("Records:", output, StringComparison.Ordinal);
        Assert.Contains("gso pc3 record --casus casus-9", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pc3Record_SendsDecisionAndPrintsIt()
    {
        _server.Fake.OnRecordPrivacyCheck3 = request => Task.FromResult(new PrivacyCheck3View
        {
            CaseId = request.CaseId,
            Member = request.Member,
            Fields = { request.Fields },
            RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL",
        [
            "pc3", "record", "--casus", "casus-9", "--lid", "casus-lid-1", "--veld", "vergunningsoort", "--veld", "datum-verleend",
            "--besloten-door", "po-1", "--reden", "Nodig voor de beeldvorming.", .. _server.ConnectionArguments(),
        ]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<RecordPrivacyCheck3Request>();
        Assert.Equal(["vergunningsoort", "datum-verleend"], request.Fields);
        Assert.Equal("po-1", request.DecidedBy);
        Assert.Equal("Nodig voor de beeldvorming.", request.Reason);
        Assert.Contains("Privacycheck 3 vastgelegd", output, StringComparison.Ordinal);
        Assert.Contains("vergunningsoort, datum-verleend", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseShow_PrintsContentAndWithheldCount()
    {
        _server.Fake.OnGetReleasedContent = request => Task.FromResult(new ReleasedContentView
        {
            CaseId = request.CaseId,
            WithheldFieldCount = 2,
            Items =
            {
                new ReleasedContentItem
                {
                    ReleaseId = "release-1",
                    Department = "vergunningen",
                    SubjectId = "subject-1",
                    SubjectLabel = "Betrokkene A",
                    Source = "vergunningen.csv",
                    Fields = { ["vergunningsoort"] = "exploitatievergunning", ["datum-verleend"] = "2025-06-01" },
                },
            },
        });

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["release", "show", "--casus", "casus-9", "--lid", "casus-lid-1", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<GetReleasedContentRequest>();
        Assert.Equal("casus-lid-1", request.Member);
        Assert.Contains("Vertrouwelijk", output, StringComparison.Ordinal);
        Assert.Contains("Betrokkene A, afdeling vergunningen, bron vergunningen.csv (vrijgave release-1)", output, StringComparison.Ordinal);
        Assert.Contains("vergunningsoort: exploitatievergunning", output, StringComparison.Ordinal);
        Assert.Contains("2 velden achtergehouden", output, StringComparison.Ordinal);
    }
}
