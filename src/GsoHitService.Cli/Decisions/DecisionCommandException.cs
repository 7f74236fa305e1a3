namespace GsoHitService.Cli.Decisions;

/// <summary>
/// Stops a decision or member command with a message for the user (already localised) and an exit code.
/// </summary>
internal sealed class DecisionCommandException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Runs a command body and turns <see cref="DecisionCommandException"/> into a message on stderr.</summary>
internal static class DecisionCommandRunner
{
    public static int Run(System.CommandLine.ParseResult parseResult, Func<TextWriter, TextWriter, int> body)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(output, error);
        }
        catch (DecisionCommandException exception)
        {
            error.WriteLine(exception.Message);
            return exception.ExitCode;
        }
    }
}
