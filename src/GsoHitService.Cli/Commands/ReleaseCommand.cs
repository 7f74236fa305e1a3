using System.CommandLine;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Queries;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso release request</c> and <c>gso release show</c>: requests content from a department under a
/// recorded privacy check 2 decision, and shows the released content that a case-team member may
/// see under privacy check 3.
/// </summary>
internal static class ReleaseCommand
{
    internal static Command Create()
    {
        var command = new Command("release", ReleaseStrings.ReleaseCommandDescription);
        command.Subcommands.Add(CreateRequest());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Command CreateRequest()
    {
        var decisionOption = new Option<string>("--besluit") { Description = ReleaseStrings.DecisionOptionDescription, HelpName = HelpNameStrings.Decision, Required = true };
        var connection = new ConnectionOptions();

        var command = new Command("request", ReleaseStrings.RequestDescription) { decisionOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var request = new RequestContentReleaseRequest { DecisionId = parseResult.GetRequiredValue(decisionOption) };
            var release = await context.Client.RequestContentReleaseAsync(request, context.CallOptions());
            var times = new LocalTimes(context.TimeProvider);

            context.Output.WriteLine(ReleaseStrings.Released);
            new LabelledLines()
                .Add(ReleaseStrings.LabelRelease, release.ReleaseId)
                .Add(ReleaseStrings.LabelCase, release.CaseId)
                .Add(ReleaseStrings.LabelDepartment, release.Department)
                .Add(ReleaseStrings.LabelSubjectCount, release.SubjectCount.ToString(System.Globalization.CultureInfo.CurrentCulture))
                .Add(ReleaseStrings.LabelRecordCount, release.RecordCount.ToString(System.Globalization.CultureInfo.CurrentCulture))
                .Add(ReleaseStrings.LabelReleasedAt, release.ReleasedAt is null ? CoordinatorStrings.None : times.Format(release.ReleasedAt))
                .Write(context.Output, "  ");
            context.Output.WriteLine();
            context.Output.WriteLine(Messages.Format(ReleaseStrings.RequestNextStep, release.CaseId));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command CreateShow()
    {
        var caseOption = new Option<string>("--casus") { Description = SignalStrings.CaseOptionDescription, HelpName = HelpNameStrings.Case, Required = true };
        var memberOption = new Option<string>("--lid") { Description = ReleaseStrings.ShowMemberOptionDescription, HelpName = HelpNameStrings.Member, Required = true };
        var connection = new ConnectionOptions();

        var command = new Command("show", ReleaseStrings.ShowDescription) { caseOption, memberOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var request = new GetReleasedContentRequest
            {
                CaseId = parseResult.GetRequiredValue(caseOption),
                Member = parseResult.GetRequiredValue(memberOption),
            };
            var content = await context.Client.GetReleasedContentAsync(request, context.CallOptions());
            ReleasedContentRenderer.Render(content, request.Member, context.Output);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
