namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Stops a coordinator command with a message for the user (already localised) and an exit code
/// from <see cref="ExitCodes"/>.
/// </summary>
internal sealed class CoordinatorCommandException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
