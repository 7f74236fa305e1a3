using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso token --key FILE --type TYPE VALUE</c>: prints the match token of one identifier in hex,
/// so that an administrator can check that a department's export and the coordinator agree.
/// </summary>
internal static class TokenCommand
{
    internal static Command Create()
    {
        var keyOption = new Option<string>("--key")
        {
            Description = TokenStrings.KeyOptionDescription,
            HelpName = HelpNameStrings.File,
            Required = true,
        };
        var typeOption = new Option<string>("--type")
        {
            Description = TokenStrings.TypeOptionDescription,
            HelpName = HelpNameStrings.IdentifierType,
            Required = true,
        };
        var valueArgument = new Argument<string>("VALUE")
        {
            Description = TokenStrings.ValueArgumentDescription,
            HelpName = HelpNameStrings.Value,
        };

        var command = new Command("token", TokenStrings.TokenDescription) { keyOption, typeOption, valueArgument };
        command.SetAction(parseResult => Run(
            parseResult,
            parseResult.GetRequiredValue(keyOption),
            parseResult.GetRequiredValue(typeOption),
            parseResult.GetRequiredValue(valueArgument)));
        return command;
    }

    private static int Run(ParseResult parseResult, string keyPath, string typeName, string value)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!IdentifierTypes.TryParse(typeName, out var type))
        {
            error.WriteLine(string.Format(CultureInfo.CurrentUICulture, TokenStrings.UnknownType, typeName, string.Join(", ", IdentifierTypes.Names)));
            return ExitCodes.UsageError;
        }

        MatchingKey key;
        try
        {
            key = MatchingKeyFile.Read(keyPath);
        }
        catch (MatchingKeyFileException exception)
        {
            error.WriteLine(KeyFileMessages.Describe(exception));
            return KeyFileMessages.ToExitCode(exception);
        }

        using (key)
        using (var tokenizer = new MatchTokenizer(key))
        {
            // The message names the type and the rule, never the value.
            if (!tokenizer.TryComputeToken(type, value, ColumnOptions.Default, out var token, out var failure))
            {
                error.WriteLine(IdentifierMessages.Describe(failure));
                return ExitCodes.InvalidInput;
            }

            output.WriteLine(token.ToHex());
            return ExitCodes.Success;
        }
    }
}
