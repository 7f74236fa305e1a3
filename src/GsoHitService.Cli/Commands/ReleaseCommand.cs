using System.CommandLine;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
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
        var decisionOption = new Option<string>("--besluit") { Description = ReleaseStrings.DecisionOptionDescription, Required = true };
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
        var caseOption = new Option<string>("--casus") { Description = SignalStrings.CaseOptionDescription, Required = true };
        var memberOption = new Option<string>("--lid") { Description = ReleaseStrings.ShowMemberOptionDescription, Required = true };
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
            WriteContent(content, request.Member, context.Output);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Prints released content. This is the one command that prints content: the member asked for
    /// it explicitly, and the coordinator returns only what privacy check 3 allows this member.
    /// </summary>
    private static void WriteContent(ReleasedContentView content, string member, TextWriter output)
    {
        output.WriteLine(Messages.Format(ReleaseStrings.ShowHeader, content.CaseId, member));
        output.WriteLine(ReleaseStrings.ShowConfidential);
        output.WriteLine();

        if (content.Items.Count == 0)
        {
            output.WriteLine(ReleaseStrings.ShowNothing);
        }

        foreach (var item in content.Items)
        {
            output.WriteLine(Messages.Format(ReleaseStrings.ShowItemHeader, item.SubjectLabel, item.Department, item.Source, item.ReleaseId));
            var lines = new LabelledLines();
            foreach (var (name, value) in item.Fields.OrderBy(field => field.Key, StringComparer.Ordinal))
            {
                lines.Add(name, value.ReplaceLineEndings(" "));
            }

            lines.Write(output, "  ");
            output.WriteLine();
        }

        output.WriteLine(content.WithheldFieldCount == 0
            ? ReleaseStrings.ShowNoneWithheld
            : Messages.Format(ReleaseStrings.ShowWithheld, content.WithheldFieldCount));
    }
}
