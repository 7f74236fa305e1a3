using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Writes the help of one command in the layout of System.CommandLine's own help: description,
/// usage, arguments, options and subcommands, each under a heading and followed by a blank line.
/// </summary>
internal sealed class HelpTextWriter(TextWriter output, int width)
{
    public void Write(Command command)
    {
        if (command.Hidden)
        {
            return;
        }

        WriteSection(CommandLineStrings.DescriptionHeading, command.Description);
        WriteSection(CommandLineStrings.UsageHeading, UsageLine.For(command));
        WriteSection(CommandLineStrings.ArgumentsHeading, ArgumentRows(command));
        WriteSection(CommandLineStrings.OptionsHeading, OptionRows(command));
        WriteSection(CommandLineStrings.CommandsHeading, SubcommandRows(command));
        if (!command.TreatUnmatchedTokensAsErrors)
        {
            WriteSection(CommandLineStrings.AdditionalArgumentsHeading, CommandLineStrings.AdditionalArgumentsDescription);
        }
    }

    private void WriteSection(string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        output.WriteLine(heading);
        foreach (var line in TextWrapping.Wrap(text, Math.Max(width - TwoColumnLayout.Indent.Length, 1)))
        {
            output.WriteLine(TwoColumnLayout.Indent + line);
        }

        output.WriteLine();
    }

    private void WriteSection(string heading, IReadOnlyList<HelpRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine(heading);
        TwoColumnLayout.Write(output, rows, width);
        output.WriteLine();
    }

    /// <summary>Returns rows for the arguments of the command and of the commands above it.</summary>
    private static List<HelpRow> ArgumentRows(Command command) =>
        CommandPath.Chain(command)
            .SelectMany(link => link.Arguments)
            .Where(argument => !argument.Hidden)
            .Select(argument => new HelpRow(
                HelpLabels.ArgumentLabel(argument),
                WithDefault(argument.Description, DefaultText(HelpLabels.DefaultValue(argument)))))
            .Distinct()
            .ToList();

    /// <summary>
    /// Returns rows for the command's own options, with --help and --version last, followed by
    /// the recursive options of the commands above it.
    /// </summary>
    private static List<HelpRow> OptionRows(Command command)
    {
        var options = command.Options
            .Where(option => !option.Hidden)
            .OrderBy(option => option is HelpOption or VersionOption)
            .ToList();

        var hasHelp = options.Any(option => option is HelpOption);
        var inherited = CommandPath.Chain(command)
            .SkipLast(1)
            .Reverse()
            .SelectMany(parent => parent.Options)
            .Where(option => option.Recursive && !option.Hidden && !(option is HelpOption && hasHelp));

        return options
            .Concat(inherited)
            .Select(option => new HelpRow(
                HelpLabels.OptionRowLabel(option),
                WithDefault(option.Description, DefaultText(HelpLabels.DefaultValue(option)))))
            .ToList();
    }

    private static List<HelpRow> SubcommandRows(Command command) =>
        command.Subcommands
            .Where(subcommand => !subcommand.Hidden)
            .Select(subcommand => new HelpRow(
                HelpLabels.CommandRowLabel(subcommand),
                WithDefault(subcommand.Description, SubcommandDefaults(subcommand))))
            .ToList();

    /// <summary>
    /// Returns the defaults of a subcommand's arguments: "[standaard: x]" for a single argument,
    /// each with its argument name when there are more.
    /// </summary>
    private static string? SubcommandDefaults(Command subcommand)
    {
        var defaults = subcommand.Arguments
            .Where(argument => !argument.Hidden)
            .Select(argument => (Name: argument.HelpName ?? argument.Name, Value: HelpLabels.DefaultValue(argument)))
            .Where(item => item.Value is not null)
            .ToList();
        return defaults.Count switch
        {
            0 => null,
            1 => DefaultText(defaults[0].Value),
            _ => string.Join(' ', defaults.Select(item =>
                string.Format(CultureInfo.CurrentCulture, CommandLineStrings.NamedDefaultValue, item.Name, item.Value))),
        };
    }

    private static string? DefaultText(string? value) =>
        value is null ? null : string.Format(CultureInfo.CurrentCulture, CommandLineStrings.DefaultValue, value);

    private static string WithDefault(string? description, string? defaultText) =>
        $"{description} {defaultText}".Trim();
}
