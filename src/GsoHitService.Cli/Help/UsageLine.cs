using System.CommandLine;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Help;

/// <summary>The usage line of help, such as <c>gso normalize &lt;WAARDE&gt; [opties]</c>.</summary>
internal static class UsageLine
{
    /// <summary>
    /// Returns the commands from the root down with their arguments, then placeholders for
    /// subcommands, options and additional arguments where the command has them.
    /// </summary>
    public static string For(Command command)
    {
        var chain = CommandPath.Chain(command);
        var parts = new List<string>();
        foreach (var link in chain)
        {
            parts.Add(CommandPath.DisplayName(link));
            var arguments = ArgumentUsage(link.Arguments);
            if (arguments.Length > 0)
            {
                parts.Add(arguments);
            }
        }

        if (command.Subcommands.Any(subcommand => !subcommand.Hidden))
        {
            parts.Add(CommandLineStrings.UsageCommandPlaceholder);
        }

        // Recursive options of parent commands, such as --help on the root, apply here too.
        var hasOptions = command.Options.Any(option => !option.Hidden)
            || chain.SkipLast(1).Any(parent => parent.Options.Any(option => option.Recursive && !option.Hidden));
        if (hasOptions)
        {
            parts.Add(CommandLineStrings.UsageOptionsPlaceholder);
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            parts.Add(CommandLineStrings.UsageAdditionalArgumentsPlaceholder);
        }

        return string.Join(' ', parts);
    }

    private static string ArgumentUsage(IList<Argument> arguments)
    {
        // An optional argument opens a bracket that closes after the arguments that follow it,
        // because those can only be given when it is: "[<a> [<b>]]".
        var usage = new List<string>();
        var openBrackets = 0;
        foreach (var argument in arguments.Where(argument => !argument.Hidden))
        {
            // The same placeholder as the argument's row, so a help name such as <WAARDE> shows in both.
            var label = HelpLabels.ArgumentLabel(argument);
            var repeat = argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty;
            if (argument.Arity.MinimumNumberOfValues == 0)
            {
                usage.Add($"[{label}{repeat}");
                openBrackets++;
            }
            else
            {
                usage.Add($"{label}{repeat}");
            }
        }

        return string.Join(' ', usage) + new string(']', openBrackets);
    }
}
