using System.CommandLine;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Queries;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso query run</c> and <c>gso query show</c>: runs a hit query under a recorded privacy
/// check 1 decision, or shows a stored result, as a hit matrix.
/// </summary>
internal static class QueryCommand
{
    /// <summary>
    /// Default deadline of <c>gso query run</c>: the coordinator calls every agent with its own
    /// deadline and replies when all agents have replied or timed out.
    /// </summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    internal static Command Create()
    {
        var command = new Command("query", HitMatrixStrings.QueryCommandDescription);
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Option<bool> CreateDetailsOption() => new("--details") { Description = HitMatrixStrings.DetailsOptionDescription };

    private static Command CreateRun()
    {
        var signalOption = new Option<string>("--signaal") { Description = SignalStrings.SignalOptionDescription, HelpName = HelpNameStrings.Signal, Required = true };
        var decisionOption = new Option<string>("--besluit") { Description = HitMatrixStrings.DecisionOptionDescription, HelpName = HelpNameStrings.Decision, Required = true };
        var departmentOption = new Option<string[]>("--afdeling") { Description = HitMatrixStrings.DepartmentsOptionDescription, HelpName = HelpNameStrings.Department };
        var repeatOption = new Option<string>("--herhaal") { Description = HitMatrixStrings.RepeatOptionDescription, HelpName = HelpNameStrings.Query };
        var detailsOption = CreateDetailsOption();
        var connection = new ConnectionOptions();

        var command = new Command("run", HitMatrixStrings.RunDescription) { signalOption, decisionOption, departmentOption, repeatOption, detailsOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var request = new RunHitQueryRequest
            {
                SignalId = parseResult.GetRequiredValue(signalOption),
                DecisionId = parseResult.GetRequiredValue(decisionOption),
                RepeatOfQueryId = parseResult.GetValue(repeatOption) ?? "",
            };
            request.Departments.AddRange(PrivacyCheck1Command.Distinct(parseResult.GetValue(departmentOption)));

            var first = await context.Client.RunHitQueryAsync(request, context.CallOptions());
            var result = await HitQueryPages.CompleteAsync(first, context);
            new HitMatrixRenderer(context.TimeProvider).Render(result, context.Output, parseResult.GetValue(detailsOption));
            WriteFollowUp(result, context.Output);
            return ExitCodes.Success;
        }, cancellationToken, RunTimeout));
        return command;
    }

    private static Command CreateShow()
    {
        var queryArgument = new Argument<string>("BEVRAGING") { Description = HitMatrixStrings.QueryArgumentDescription, HelpName = HelpNameStrings.Query };
        var detailsOption = CreateDetailsOption();
        var connection = new ConnectionOptions();

        var command = new Command("show", HitMatrixStrings.ShowDescription) { queryArgument, detailsOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var request = new GetHitQueryResultRequest { QueryId = parseResult.GetRequiredValue(queryArgument) };
            var first = await context.Client.GetHitQueryResultAsync(request, context.CallOptions());
            var result = await HitQueryPages.CompleteAsync(first, context);
            new HitMatrixRenderer(context.TimeProvider).Render(result, context.Output, parseResult.GetValue(detailsOption));
            WriteFollowUp(result, context.Output);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>Says how to finish an incomplete query: wait for a running one, or repeat it for the departments that did not answer.</summary>
    private static void WriteFollowUp(HitQueryResult result, TextWriter output)
    {
        if (result.CompletedAt is null)
        {
            output.WriteLine();
            output.WriteLine(Messages.Format(HitMatrixStrings.FollowUpInProgress, result.QueryId));
            return;
        }

        var unanswered = result.Departments.Where(department => department.Outcome != DepartmentOutcome.Answered).Select(department => department.Department).ToList();
        if (unanswered.Count == 0)
        {
            return;
        }

        var departments = string.Join(" ", unanswered.Select(department => $"--afdeling {department}"));
        output.WriteLine();
        output.WriteLine(Messages.FormatCount(
            unanswered.Count, HitMatrixStrings.FollowUpRepeatSingular, HitMatrixStrings.FollowUpRepeatPlural, unanswered.Count, string.Join(", ", unanswered)));
        output.WriteLine($"  gso query run --signaal {result.SignalId} --besluit {result.DecisionId} --herhaal {result.QueryId} {departments}");
    }
}
