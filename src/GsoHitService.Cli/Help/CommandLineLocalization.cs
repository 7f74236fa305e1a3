using System.CommandLine;
using System.CommandLine.Help;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Replaces the texts that System.CommandLine writes itself with texts from
/// <see cref="CommandLineStrings"/>. System.CommandLine 2.0.0 ships no Dutch translation, and its
/// help builder and error messages are internal, so the help option gets its own action here and
/// parse errors are reported by <see cref="LocalizedInvocation"/>.
/// </summary>
internal static class CommandLineLocalization
{
    /// <summary>
    /// Sets the descriptions of the root's help and version options and gives the help option an
    /// action that writes the help in the current UI culture. Both options are recursive, so this
    /// covers every subcommand.
    /// </summary>
    public static void Apply(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption helpOption:
                    helpOption.Description = CommandLineStrings.HelpOptionDescription;
                    helpOption.Action = new LocalizedHelpAction();
                    break;

                case VersionOption versionOption:
                    versionOption.Description = CommandLineStrings.VersionOptionDescription;
                    break;
            }
        }
    }
}
