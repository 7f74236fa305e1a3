using System.Diagnostics;
using GsoHitService.Cli.Resources;
using GsoHitService.Demo.Data;

namespace GsoHitService.Cli.Demo;

/// <summary>How <c>gso demo</c> runs.</summary>
/// <param name="Keep">Keep the demo folder after the run, and print where it is.</param>
/// <param name="Verbose">Show the hosts' logs from Information up, on stderr.</param>
internal sealed record DemoOptions(bool Keep = false, bool Verbose = false);

/// <summary>What one successful run did, for the end-to-end test.</summary>
/// <param name="Folder">The demo folder; deleted unless <see cref="DemoOptions.Keep"/> was set.</param>
/// <param name="DatabasePath">The coordinator's SQLite file in the folder.</param>
/// <param name="Endpoints">Every address that a host listened on; all are closed when the run returns.</param>
/// <param name="Query">The signal and the hit query result.</param>
/// <param name="Release">The released content and what privacy check 2 approved.</param>
/// <param name="AuditLogs">The audit logs whose hash chains were checked.</param>
internal sealed record DemoResult(
    string Folder,
    string DatabasePath,
    IReadOnlyList<Uri> Endpoints,
    DemoQuery Query,
    DemoRelease Release,
    IReadOnlyList<DemoAuditLog> AuditLogs);

/// <summary>
/// Runs the demo scenario from start to end: sets up the environment, queries, releases and checks
/// the audit logs. It always stops every host and removes the folder (unless it is to be kept),
/// also after a failure or when the user stops the demo.
/// </summary>
internal sealed class DemoRunner(DemoOptions options, TextWriter output)
{
    /// <exception cref="DemoFailedException">A step failed. The message names the step and what to do.</exception>
    /// <exception cref="OperationCanceledException">The user stopped the demo.</exception>
    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var progress = new DemoProgress(output);
        var scenario = DemoDataSet.Scenario;

        var environment = CreateEnvironment();
        DemoResult result;
        try
        {
            await StartAsync(environment, progress, cancellationToken);
            await DemoReadiness.WaitAsync(environment, progress, cancellationToken);

            var query = await DemoQuerySteps.RunAsync(environment, scenario, progress, cancellationToken);
            var release = await DemoReleaseSteps.RunAsync(environment, scenario, query, progress, cancellationToken);

            // The hosts stop first, so that every audit entry is written before the chains are read.
            await environment.StopHostsAsync();
            progress.Step(DemoStrings.StepHostsStopped);
            var auditLogs = DemoAuditCheck.Verify(environment.AuditLogs, progress, cancellationToken);

            result = new DemoResult(environment.Folder.Root, environment.DatabasePath, environment.Endpoints, query, release, auditLogs);
        }
        finally
        {
            await FinishAsync(environment, progress);
        }

        progress.Line("");
        progress.Line(DemoText.Format(DemoStrings.Succeeded, Stopwatch.GetElapsedTime(started).TotalSeconds));
        return result;
    }

    private DemoEnvironment CreateEnvironment()
    {
        try
        {
            return DemoEnvironment.Create(options.Keep);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.FolderCreateFailed, Path.GetTempPath(), exception.Message), exception);
        }
    }

    private async Task StartAsync(DemoEnvironment environment, DemoProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await environment.StartAsync(progress, options.Verbose, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
        {
            // A host that fails to start throws whatever its start-up check raised: options
            // validation, Kestrel binding, an unusable certificate or key file. Its message names
            // the problem, and the host's log (shown with --verbose) has the details.
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.StartFailed, exception.Message), exception);
        }
    }

    /// <summary>Stops whatever still runs and removes the folder, or prints where it is kept, whatever happened before.</summary>
    private async Task FinishAsync(DemoEnvironment environment, DemoProgress progress)
    {
        var problem = await environment.ShutDownAsync();
        if (options.Keep)
        {
            progress.Line(DemoText.Format(DemoStrings.FolderKept, environment.Folder.Root));
        }
        else if (problem is not null)
        {
            progress.Line(DemoText.Format(DemoStrings.FolderNotDeleted, environment.Folder.Root, problem));
        }
        else
        {
            progress.Line(DemoStrings.FolderDeleted);
        }
    }
}
