namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// Tests that start the agent and the coordinator as child processes. They run one at a time and
/// after the other test collections, because each start JIT-compiles the service again and the
/// tests wait for starts and stops against fixed limits.
/// </summary>
[CollectionDefinition(nameof(ProcessHostingCollection), DisableParallelization = true)]
public sealed class ProcessHostingCollection
{
    /// <summary>Longest wait for a start: from process start to a loaded index or to READY=1.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait from SIGTERM to the process's exit.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for a process that must stop on a wrong setting.</summary>
    public static readonly TimeSpan FailedStartTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Skips the calling test outside Linux: the tests use SIGTERM, /proc and NOTIFY_SOCKET.</summary>
    public static void RequireLinux() =>
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Process hosting tests run on Linux only: they stop services with SIGTERM and act as systemd.");
}
