using System.CommandLine;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso pc3 record</c>: records privacy check 3, which released fields of a case one case-team
/// member may see, with who decided and why.
/// </summary>
internal static class PrivacyCheck3Command
{
    internal static Command Create()
    {
        var command = new Command("pc3", ReleaseStrings.PrivacyCheck3CommandDescription);
        command.Subcommands.Add(CreateRecord());
        return command;
    }

    private static Command CreateRecord()
    {
        var caseOption = new Option<string>("--casus") { Description = SignalStrings.CaseOptionDescription, HelpName = HelpNameStrings.Case, Required = true };
        var memberOption = new Option<string>("--lid") { Description = ReleaseStrings.MemberOptionDescription, HelpName = HelpNameStrings.Member, Required = true };
        var fieldOption = new Option<string[]>("--veld") { Description = ReleaseStrings.Pc3FieldOptionDescription, HelpName = HelpNameStrings.Field, Required = true, Arity = ArgumentArity.OneOrMore };
        var decidedByOption = new Option<string>("--besloten-door") { Description = ReleaseStrings.DecidedByOptionDescription, HelpName = HelpNameStrings.Name, Required = true };
        var reasonOption = new Option<string>("--reden") { Description = ReleaseStrings.ReasonOptionDescription, HelpName = HelpNameStrings.Text, Required = true };
        var connection = new ConnectionOptions();

        var command = new Command("record", ReleaseStrings.RecordDescription) { caseOption, memberOption, fieldOption, decidedByOption, reasonOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var fields = PrivacyCheck1Command.Distinct(parseResult.GetValue(fieldOption));
            var reason = parseResult.GetRequiredValue(reasonOption).Trim();
            var decidedBy = parseResult.GetRequiredValue(decidedByOption).Trim();
            if (fields.Length == 0 || reason.Length == 0 || decidedBy.Length == 0)
            {
                throw new CoordinatorCommandException(ExitCodes.UsageError, ReleaseStrings.Pc3InputEmpty);
            }

            var request = new RecordPrivacyCheck3Request
            {
                CaseId = parseResult.GetRequiredValue(caseOption),
                Member = parseResult.GetRequiredValue(memberOption),
                Fields = { fields },
                DecidedBy = decidedBy,
                Reason = reason,
            };
            var recorded = await context.Client.RecordPrivacyCheck3Async(request, context.CallOptions());

            context.Output.WriteLine(ReleaseStrings.Pc3Recorded);
            new LabelledLines()
                .Add(ReleaseStrings.LabelCase, recorded.CaseId)
                .Add(ReleaseStrings.LabelMember, recorded.Member)
                .Add(ReleaseStrings.LabelFields, string.Join(", ", recorded.Fields))
                .Add(ReleaseStrings.LabelRecordedAt, recorded.RecordedAt is null ? CoordinatorStrings.None : new LocalTimes(context.TimeProvider).Format(recorded.RecordedAt))
                .Write(context.Output, "  ");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
