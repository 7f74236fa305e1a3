using Grpc.Core;
using GsoHitService.Cli.Tests.Queries;
using GsoHitService.Protocol;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Coordinator;

public sealed class QueryCommandTests : IClassFixture<CoordinatorServer>
{
    private readonly CoordinatorServer _server;

    public QueryCommandTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
        _server.Fake.OnRunHitQuery = _ => Task.FromResult(HitQueryResults.Sample());
        _server.Fake.OnGetHitQueryResult = _ => Task.FromResult(HitQueryResults.Sample());
    }

    [Fact]
    public async Task Run_Sample_SendsRequestAndPrintsMatrix()
    {
        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", "--afdeling", "brp", "--afdeling", "belastingen", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        var request = _server.Fake.Single<RunHitQueryRequest>();
        Assert.Equal("sig-1", request.SignalId);
        Assert.Equal("pc1-2026-0001", request.DecisionId);
        Assert.Equal(["brp", "belastingen"], request.Departments);
        Assert.Equal("", request.RepeatOfQueryId);

        Assert.Equal("hit", HitQueryResults.Cell(output, "Betrokkene A", "brp"));
        Assert.Equal("geen hit", HitQueryResults.Cell(output, "Betrokkene B", "brp"));
        Assert.Equal("niet in bron", HitQueryResults.Cell(output, "Betrokkene A", "vergunningen"));
        Assert.Equal("niet beschikbaar", HitQueryResults.Cell(output, "Betrokkene A", "belastingen"));
        Assert.Equal("niet beschikbaar", HitQueryResults.Cell(output, "Betrokkene B", "belastingen"));
        Assert.Contains("Casus: casus-9", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnansweredDepartment_PrintsRepeatCommand()
    {
        var (_, output, _) = await CommandRunner.RunAsync("nl-NL",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", .. _server.ConnectionArguments()]);

        Assert.Contains("1 afdeling gaf geen antwoord (belastingen)", output, StringComparison.Ordinal);
        Assert.Contains("gso query run --signaal sig-1 --besluit pc1-2026-0001 --herhaal query-3 --afdeling belastingen", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Repeat_SendsEarlierQueryId()
    {
        await CommandRunner.RunAsync("nl-NL",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", "--herhaal", "query-2", "--afdeling", "belastingen", .. _server.ConnectionArguments()]);

        Assert.Equal("query-2", _server.Fake.Single<RunHitQueryRequest>().RepeatOfQueryId);
    }

    [Fact]
    public async Task Run_PagedResult_FetchesEveryPage()
    {
        _server.Fake.OnRunHitQuery = _ =>
        {
            var first = HitQueryResults.Sample();
            first.Subjects.RemoveAt(1);
            first.NextPageToken = "page-2";
            return Task.FromResult(first);
        };
        _server.Fake.OnGetHitQueryResult = request =>
        {
            var second = HitQueryResults.Sample();
            second.Subjects.RemoveAt(0);
            return Task.FromResult(second);
        };

        var (exitCode, output, _) = await CommandRunner.RunAsync("nl-NL",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        var pageRequest = _server.Fake.Single<GetHitQueryResultRequest>();
        Assert.Equal("query-3", pageRequest.QueryId);
        Assert.Equal("page-2", pageRequest.PageToken);
        Assert.Equal("hit", HitQueryResults.Cell(output, "Betrokkene A", "brp"));
        Assert.Equal("geen hit", HitQueryResults.Cell(output, "Betrokkene B", "brp"));
        Assert.DoesNotContain("Let op: dit resultaat toont", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_StoredResult_PrintsMatrixWithDetails()
    {
        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["query", "show", "query-3", "--details", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Equal("query-3", _server.Fake.Single<GetHitQueryResultRequest>().QueryId);
        Assert.Contains("Per soort identificatiegegeven:", output, StringComparison.Ordinal);
        Assert.Contains("KvK-nummer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_RunningQuery_SaysToLookLater()
    {
        _server.Fake.OnGetHitQueryResult = _ =>
        {
            var running = HitQueryResults.Sample();
            running.CompletedAt = null;
            running.CaseId = "";
            foreach (var department in running.Departments)
            {
                department.Outcome = DepartmentOutcome.Unspecified;
                department.Reason = DepartmentOutcomeReasons.QueryInProgress + ": De bevraging loopt nog.";
            }

            return Task.FromResult(running);
        };

        var (_, output, _) = await CommandRunner.RunAsync("nl-NL", ["query", "show", "query-3", .. _server.ConnectionArguments()]);

        Assert.Equal("niet beschikbaar", HitQueryResults.Cell(output, "Betrokkene A", "brp"));
        Assert.Contains("De bevraging loopt nog. Bekijk het resultaat later met: gso query show query-3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_English_PrintsEnglishMatrix()
    {
        var (_, output, _) = await CommandRunner.RunAsync("en-GB",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", .. _server.ConnectionArguments()]);

        Assert.Equal("no hit", HitQueryResults.Cell(output, "Betrokkene B", "brp", "Subject"));
        Assert.Equal("not held", HitQueryResults.Cell(output, "Betrokkene A", "vergunningen", "Subject"));
        Assert.Equal("unavailable", HitQueryResults.Cell(output, "Betrokkene B", "belastingen", "Subject"));
        Assert.Contains("Note: 1 department gave no answer (belastingen)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoPrivacyCheck1_ExplainsNextSteps()
    {
        _server.Fake.OnRunHitQuery = _ => throw FakeCoordinator.Refusal(StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonNoPrivacyCheck1);

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL",
            ["query", "run", "--signaal", "sig-1", "--besluit", "pc1-2026-0001", .. _server.ConnectionArguments()]);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("", output);
        Assert.Contains("geen vastgelegd besluit privacycheck 1", error, StringComparison.Ordinal);
        Assert.Contains("gso pc1 prepare", error, StringComparison.Ordinal);
    }
}
