using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;
using System.Text;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Labels that help text and parse errors show for commands, options and arguments, built from
/// their public names, aliases, help names and defaults.
/// </summary>
internal static class HelpLabels
{
    private static readonly string[] OptionPrefixes = ["--", "-", "/"];

    /// <summary>
    /// Returns the value placeholder of an argument, such as <c>&lt;WAARDE&gt;</c>: its help name,
    /// else its completion values, else its name.
    /// </summary>
    public static string ArgumentLabel(Argument argument) =>
        ValuePlaceholder(argument.HelpName, argument.ValueType, argument.Arity, argument.CompletionSources.Count, argument) ?? $"<{argument.Name}>";

    /// <summary>
    /// Returns the value placeholder of an option, such as <c>&lt;SOORT&gt;</c>, or an empty string
    /// for a flag that takes no value.
    /// </summary>
    public static string OptionValueLabel(Option option) =>
        ValuePlaceholder(option.HelpName, option.ValueType, option.Arity, option.CompletionSources.Count, option)
        ?? (option.Arity.MaximumNumberOfValues > 0 && !IsBoolean(option.ValueType)
            ? $"<{option.Name.TrimStart('-', '/')}>"
            : string.Empty);

    /// <summary>
    /// Returns the first column of an option row: its aliases, value placeholder and, when
    /// required, the required label, for example <c>--type &lt;SOORT&gt; (VERPLICHT)</c>.
    /// </summary>
    public static string OptionRowLabel(Option option)
    {
        var label = new StringBuilder(AliasList(option.Name, option.Aliases));
        var value = OptionValueLabel(option);
        if (value.Length > 0)
        {
            label.Append(' ').Append(value);
        }

        if (option.Required)
        {
            label.Append(' ').Append(CommandLineStrings.RequiredLabel);
        }

        return label.ToString();
    }

    /// <summary>Returns the first column of a subcommand row: its names and argument placeholders.</summary>
    public static string CommandRowLabel(Command command)
    {
        var label = new StringBuilder(AliasList(command.Name, command.Aliases));
        foreach (var argument in command.Arguments.Where(argument => !argument.Hidden))
        {
            label.Append(' ').Append(ArgumentLabel(argument));
        }

        return label.ToString();
    }

    /// <summary>
    /// Returns the default value of an argument as help shows it, or null when it has none. A
    /// flag's default is left out because a flag is false unless given.
    /// </summary>
    public static string? DefaultValue(Argument argument) =>
        argument.HasDefaultValue && !IsBoolean(argument.ValueType) ? FormatValue(argument.GetDefaultValue()) : null;

    /// <inheritdoc cref="DefaultValue(Argument)"/>
    public static string? DefaultValue(Option option) =>
        option.HasDefaultValue && !IsBoolean(option.ValueType) ? FormatValue(option.GetDefaultValue()) : null;

    /// <summary>
    /// Joins a symbol's name and aliases, shortest prefix first, for example <c>-?, -h, --help</c>.
    /// An alias that differs only in its prefix from one already listed, such as <c>/h</c> after
    /// <c>-h</c>, is left out.
    /// </summary>
    private static string AliasList(string name, IEnumerable<string> aliases)
    {
        var names = new[] { name }
            .Concat(aliases)
            .Select(SplitPrefix)
            .OrderBy(split => split.Prefix, StringComparer.OrdinalIgnoreCase)
            .ThenBy(split => split.Alias, StringComparer.OrdinalIgnoreCase)
            .DistinctBy(split => split.Alias)
            .Select(split => split.Prefix + split.Alias);
        return string.Join(", ", names);
    }

    private static (string Prefix, string Alias) SplitPrefix(string alias)
    {
        foreach (var prefix in OptionPrefixes)
        {
            if (alias.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (prefix, alias[prefix.Length..]);
            }
        }

        return (string.Empty, alias);
    }

    private static string? ValuePlaceholder(string? helpName, Type valueType, ArgumentArity arity, int completionSourceCount, Symbol symbol)
    {
        if (!string.IsNullOrWhiteSpace(helpName))
        {
            return $"<{helpName}>";
        }

        if (IsBoolean(valueType) || arity.MaximumNumberOfValues <= 0 || completionSourceCount == 0)
        {
            return null;
        }

        // Completion values list the accepted values, for example those of an enum.
        var completions = symbol.GetCompletions(CompletionContext.Empty).Select(item => item.Label).ToList();
        return completions.Count > 0 ? $"<{string.Join('|', completions)}>" : null;
    }

    private static bool IsBoolean(Type type) => type == typeof(bool) || type == typeof(bool?);

    private static string? FormatValue(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            IEnumerable values => string.Join('|', values.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.CurrentCulture))),
            _ => Convert.ToString(value, CultureInfo.CurrentCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
