using System.CommandLine;
using GsoHitService.Cli.Commands;
using GsoHitService.Cli.Help;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli;

/// <summary>
/// The <c>gso</c> command tree. Each command lives in its own file under Commands/ and is added here.
/// </summary>
internal static class GsoCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand(CliStrings.RootDescription);
        CommandLineLocalization.Apply(root);
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(PkiCommand.Create());
        root.Subcommands.Add(NormalizeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(SignalCommand.Create());
        root.Subcommands.Add(PrivacyCheck1Command.Create());
        root.Subcommands.Add(PrivacyCheck2Command.Create());
        root.Subcommands.Add(PrivacyCheck3Command.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ReleaseCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(MemberCommand.Create());
        root.Subcommands.Add(DecisionCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());

        return root;
    }
}
