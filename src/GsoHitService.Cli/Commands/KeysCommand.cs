using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso keys new --out FILE [--epoch ID]</c>: creates a matching key and writes it to a new
/// file that only its owner can read.
/// </summary>
internal static class KeysCommand
{
    internal static Command Create(TimeProvider? timeProvider = null)
    {
        var command = new Command("keys", KeyStrings.KeysDescription);
        command.Subcommands.Add(CreateNew(timeProvider ?? TimeProvider.System));
        return command;
    }

    private static Command CreateNew(TimeProvider timeProvider)
    {
        var outOption = new Option<string>("--out")
        {
            Description = KeyStrings.OutOptionDescription,
            HelpName = HelpNameStrings.File,
            Required = true,
        };
        var epochOption = new Option<string?>("--epoch")
        {
            Description = KeyStrings.EpochOptionDescription,
            HelpName = HelpNameStrings.KeyEpoch,
        };

        var command = new Command("new", KeyStrings.NewDescription) { outOption, epochOption };
        command.SetAction(parseResult =>
        {
            // The default epoch is the local year and month, the period in which the key starts.
            var epochId = parseResult.GetValue(epochOption)
                ?? timeProvider.GetLocalNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return Run(parseResult, parseResult.GetRequiredValue(outOption), epochId);
        });
        return command;
    }

    private static int Run(ParseResult parseResult, string path, string epochId)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!MatchingKey.IsValidEpochId(epochId))
        {
            error.WriteLine(string.Format(CultureInfo.CurrentUICulture, KeyStrings.InvalidEpoch, epochId, MatchingKey.MaxEpochIdLength));
            return ExitCodes.InvalidInput;
        }

        using var key = MatchingKey.Generate(epochId);
        try
        {
            MatchingKeyFile.Write(path, key);
        }
        catch (MatchingKeyFileException exception)
        {
            error.WriteLine(KeyFileMessages.Describe(exception));
            return KeyFileMessages.ToExitCode(exception);
        }

        output.WriteLine(string.Format(CultureInfo.CurrentUICulture, KeyStrings.KeyWritten, key.EpochId, path, key.CheckValue));
        return ExitCodes.Success;
    }
}
