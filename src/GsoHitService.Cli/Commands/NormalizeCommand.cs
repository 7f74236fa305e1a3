using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso normalize --type TYPE VALUE</c>: prints the canonical form of one identifier, so that
/// a user can see what the coordinator and the agents will hash.
/// </summary>
internal static class NormalizeCommand
{
    internal static Command Create()
    {
        var typeOption = new Option<string>("--type")
        {
            Description = NormalizeStrings.TypeOptionDescription,
            HelpName = HelpNameStrings.IdentifierType,
            Required = true,
        };
        var valueArgument = new Argument<string>("VALUE")
        {
            Description = NormalizeStrings.ValueArgumentDescription,
            HelpName = HelpNameStrings.Value,
        };

        var command = new Command("normalize", NormalizeStrings.NormalizeDescription) { typeOption, valueArgument };
        command.SetAction(parseResult => Run(parseResult, parseResult.GetRequiredValue(typeOption), parseResult.GetRequiredValue(valueArgument)));
        return command;
    }

    private static int Run(ParseResult parseResult, string typeName, string value)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!IdentifierTypes.TryParse(typeName, out var type))
        {
            error.WriteLine(string.Format(CultureInfo.CurrentUICulture, NormalizeStrings.UnknownType, typeName, string.Join(", ", IdentifierTypes.Names)));
            return ExitCodes.UsageError;
        }

        // Printing the value is the purpose of this command: it is the user's own input.
        if (!IdentifierNormalizer.TryNormalize(type, value, ColumnOptions.Default, out var identifier, out var failure))
        {
            error.WriteLine(IdentifierMessages.Describe(failure));
            return ExitCodes.InvalidInput;
        }

        output.WriteLine(identifier.Value);
        return ExitCodes.Success;
    }
}
