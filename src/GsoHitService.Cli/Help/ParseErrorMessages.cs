using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Turns the errors of a parsed command line into messages in the current UI culture.
/// System.CommandLine 2.0.0 gives each error only an English text and the symbol it is about. The
/// kind of error is therefore read from that symbol's parse state: an unmatched token, a missing
/// value, too many values, or a value that could not be converted.
/// </summary>
internal static class ParseErrorMessages
{
    /// <summary>
    /// Returns one message for each error in <see cref="ParseResult.Errors"/>, in order, except
    /// that "command missing" is left out when an unknown command was given in its place.
    /// </summary>
    public static IReadOnlyList<string> Describe(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;

        // The parser reports "required command was not provided" first, and one error for each
        // unmatched token in the order of the tokens, all on a command result.
        var commandMissing = command.Action is null && command.Subcommands.Count > 0;
        var unmatchedTokens = new Queue<string>(TokensReportedAsErrors(parseResult));
        var unknownCommandGiven = unmatchedTokens.Any(token => !IsOptionLike(token));

        var messages = new List<string>();
        foreach (var error in parseResult.Errors)
        {
            switch (error.SymbolResult)
            {
                case CommandResult commandResult when commandMissing && commandResult == parseResult.CommandResult:
                    commandMissing = false;
                    if (!unknownCommandGiven)
                    {
                        messages.Add(RequiredCommandMissing(command));
                    }

                    break;

                case CommandResult commandResult when unmatchedTokens.TryDequeue(out var token):
                    messages.Add(UnmatchedToken(token, commandResult.Command));
                    break;

                case OptionResult optionResult:
                    messages.Add(DescribeOptionError(optionResult, command, error.Message));
                    break;

                case ArgumentResult argumentResult:
                    messages.Add(DescribeArgumentError(argumentResult, command, error.Message));
                    break;

                default:
                    // NOTE: an @response file that cannot be read keeps System.CommandLine's
                    // English text, because that error has no symbol to read its kind from.
                    // Command validators would land here too, but gso defines none.
                    messages.Add(error.Message);
                    break;
            }
        }

        return messages;
    }

    /// <summary>Returns the line that points to the help of the command that was parsed.</summary>
    public static string HelpHint(ParseResult parseResult) =>
        Format(CommandLineStrings.HelpHint, CommandPath.Of(parseResult.CommandResult.Command));

    private static IEnumerable<string> TokensReportedAsErrors(ParseResult parseResult) =>
        parseResult.RootCommandResult.Command.TreatUnmatchedTokensAsErrors
            ? parseResult.UnmatchedTokens
            : [];

    private static string RequiredCommandMissing(Command command) =>
        Format(
            CommandLineStrings.RequiredCommandMissing,
            CommandPath.Of(command),
            string.Join(", ", command.Subcommands.Where(subcommand => !subcommand.Hidden).Select(subcommand => subcommand.Name)));

    private static string UnmatchedToken(string token, Command command)
    {
        var path = CommandPath.Of(command);
        if (IsOptionLike(token))
        {
            return WithSuggestion(Format(CommandLineStrings.UnknownOption, token, path), token, OptionNames(command));
        }

        if (command.Subcommands.Any(subcommand => !subcommand.Hidden))
        {
            return WithSuggestion(Format(CommandLineStrings.UnknownCommand, token, path), token, SubcommandNames(command));
        }

        return Format(CommandLineStrings.UnexpectedArgument, token, path);
    }

    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';

    private static string DescribeOptionError(OptionResult result, Command command, string originalMessage)
    {
        var option = result.Option;
        if (option is VersionOption)
        {
            return Format(CommandLineStrings.VersionCannotBeCombined, result.IdentifierToken?.Value ?? option.Name);
        }

        // A required option that is absent gets a result without an identifier token.
        if (result.IdentifierToken is null && option.Required)
        {
            return Format(CommandLineStrings.RequiredOptionMissing, option.Name, CommandPath.Of(command));
        }

        var name = result.IdentifierToken?.Value ?? option.Name;
        if (result.Tokens.Count < option.Arity.MinimumNumberOfValues)
        {
            return Format(CommandLineStrings.OptionValueMissing, name, HelpLabels.OptionValueLabel(option));
        }

        if (result.Tokens.Count > option.Arity.MaximumNumberOfValues && !option.AllowMultipleArgumentsPerToken)
        {
            return Format(CommandLineStrings.OptionTooManyValues, name, result.Tokens.Count);
        }

        // Validators run only when the number of values is right, and their messages are the
        // project's own, so they are passed on as written.
        if (option.Validators.Count > 0)
        {
            return originalMessage;
        }

        // NOTE: an Option<T>.CustomParser error also lands here and is replaced by this generic
        // message, because the custom parser is not visible through the non-generic Option.
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var expected = ExpectedKind(option.ValueType);
        return expected is null
            ? Format(CommandLineStrings.InvalidOptionValue, value, name)
            : Format(CommandLineStrings.InvalidOptionValueExpecting, value, name, expected);
    }

    private static string DescribeArgumentError(ArgumentResult result, Command command, string originalMessage)
    {
        var argument = result.Argument;
        var label = HelpLabels.ArgumentLabel(argument);
        if (result.Tokens.Count < argument.Arity.MinimumNumberOfValues)
        {
            return Format(CommandLineStrings.RequiredArgumentMissing, label, CommandPath.Of(command));
        }

        if (argument.Validators.Count > 0)
        {
            return originalMessage;
        }

        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var expected = ExpectedKind(argument.ValueType);
        return expected is null
            ? Format(CommandLineStrings.InvalidArgumentValue, value, label)
            : Format(CommandLineStrings.InvalidArgumentValueExpecting, value, label, expected);
    }

    /// <summary>Returns what a value of <paramref name="type"/> must look like, when that fits in a few words.</summary>
    private static string? ExpectedKind(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
                or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => CommandLineStrings.ExpectedWholeNumber,
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => CommandLineStrings.ExpectedNumber,
            TypeCode.Boolean => CommandLineStrings.ExpectedTrueOrFalse,
            _ => null,
        };
    }

    private static string WithSuggestion(string message, string token, IEnumerable<string> candidates)
    {
        var suggestion = TokenSuggestions.Closest(token, candidates);
        return suggestion is null ? message : message + " " + Format(CommandLineStrings.DidYouMean, suggestion);
    }

    /// <summary>Returns the names and aliases of the options that apply to <paramref name="command"/>.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var chain = CommandPath.Chain(command);
        return command.Options
            .Concat(chain.SkipLast(1).SelectMany(parent => parent.Options.Where(option => option.Recursive)))
            .Where(option => !option.Hidden)
            .SelectMany(option => option.Aliases.Prepend(option.Name));
    }

    private static IEnumerable<string> SubcommandNames(Command command) =>
        command.Subcommands
            .Where(subcommand => !subcommand.Hidden)
            .SelectMany(subcommand => subcommand.Aliases.Prepend(subcommand.Name));

    private static string Format(string format, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, format, values);
}
