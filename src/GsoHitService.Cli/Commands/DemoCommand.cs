using System.CommandLine;
using GsoHitService.Cli.Demo;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso demo [--keep] [--verbose]</c>: runs a coordinator and four department agents on loopback
/// with synthetic data, and takes one signal through privacy check 1, the hit query, privacy
/// check 2, the content release and privacy check 3. Exits 0 only when every answer is as the
/// scenario expects, so the demo doubles as a smoke test.
/// </summary>
internal static class DemoCommand
{
    internal static Command Create()
    {
        var keepOption = new Option<bool>("--keep") { Description = DemoStrings.KeepOptionDescription };
        var verboseOption = new Option<bool>("--verbose") { Description = DemoStrings.VerboseOptionDescription };

        var command = new Command("demo", DemoStrings.DemoDescription) { keepOption, verboseOption };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = new DemoOptions(parseResult.GetValue(keepOption), parseResult.GetValue(verboseOption));

            // System.CommandLine starts handling Ctrl+C only once the action has returned its task, and
            // the set-up before the first await takes a while, so the action yields first.
            await Task.Yield();
            try
            {
                await new DemoRunner(options, output).RunAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (DemoFailedException exception)
            {
                error.WriteLine(DemoStrings.Failed);
                error.WriteLine(exception.Message);
                return exception.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine(DemoStrings.Cancelled);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
