namespace GsoHitService.Cli.Demo;

/// <summary>
/// A demo step failed. The message, in the user's language, names the step and what to do, and the
/// exit code is one of <see cref="ExitCodes"/>.
/// </summary>
internal sealed class DemoFailedException(int exitCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}
