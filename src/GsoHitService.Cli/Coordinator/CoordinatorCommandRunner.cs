using System.CommandLine;
using Grpc.Core;
using GsoHitService.Cli.Decisions;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Runs the body of a command that talks to the coordinator, and turns every expected failure
/// into a message on stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
internal static class CoordinatorCommandRunner
{
    /// <summary>Deadline of a call when neither <c>--timeout</c> nor a setting gives one.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(
        ParseResult parseResult,
        ConnectionOptions connectionOptions,
        Func<CoordinatorCommandContext, Task<int>> body,
        CancellationToken cancellationToken,
        TimeSpan? defaultTimeout = null)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var input = connectionOptions.Read(parseResult);
        using var session = new CoordinatorSession(input, defaultTimeout ?? DefaultTimeout, SettingsEnvironment.FromProcess(), TimeProvider.System);
        try
        {
            return await body(new CoordinatorCommandContext(session, output, error, TimeProvider.System, cancellationToken));
        }
        catch (CoordinatorCommandException exception)
        {
            error.WriteLine(exception.Message);
            return exception.ExitCode;
        }
        catch (DecisionCommandException exception)
        {
            error.WriteLine(exception.Message);
            return exception.ExitCode;
        }
        catch (RpcException exception) when (session.OpenedConnection is { } connection)
        {
            var failure = CoordinatorErrors.Describe(exception, connection);
            error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
    }
}
