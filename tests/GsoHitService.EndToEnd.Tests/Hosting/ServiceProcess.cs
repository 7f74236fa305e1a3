using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// The agent or the coordinator running as a child process from an <see cref="InstallFolder"/>,
/// either as a console program or under a stand-in for systemd. Standard output and standard
/// error are captured, and <see cref="Dispose"/> kills the process if it still runs.
/// </summary>
/// <remarks>Linux only: the tests stop the process with signals, as systemd and <c>kill</c> do.</remarks>
[SupportedOSPlatform("linux")]
internal sealed class ServiceProcess : IDisposable
{
    /// <summary>The signal number of SIGINT, which Ctrl+C sends.</summary>
    public const int SigInt = 2;

    /// <summary>The signal number of SIGTERM, which <c>systemctl stop</c> and <c>kill PID</c> send.</summary>
    public const int SigTerm = 15;

    private static readonly TimeSpan LauncherTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly TempDirectory _scratch;
    private readonly bool _hasLauncher;
    private readonly DateTime _startedAt;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _outputLock = new();

    private ServiceProcess(Process process, TempDirectory scratch, bool hasLauncher, DateTime startedAt)
    {
        _process = process;
        _scratch = scratch;
        _hasLauncher = hasLauncher;
        _startedAt = startedAt;
    }

    /// <summary>The process id of the .NET process that runs the service.</summary>
    public int Id { get; private set; }

    /// <summary>The service's working directory, an empty folder apart from the install folder.</summary>
    public string WorkingDirectory => _scratch.Combine("working-directory");

    /// <summary>What the process wrote to standard output so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_outputLock)
            {
                return _error.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Both outputs, for failure messages.</summary>
    public string Describe() => $"Standard output:\n{StandardOutput}\nStandard error:\n{StandardError}";

    /// <summary>
    /// Starts <c>dotnet ENTRY.dll</c> from <paramref name="folder"/> as an operator does from a
    /// shell: the test process is its parent, no systemd variable is set, and the working
    /// directory is another, empty folder, so a file resolved against it would land there.
    /// </summary>
    public static ServiceProcess StartAsConsoleProgram(InstallFolder folder)
    {
        var scratch = new TempDirectory();
        try
        {
            var startInfo = CreateStartInfo(DotnetHost.Path, scratch);
            startInfo.ArgumentList.Add(folder.EntryAssemblyPath);

            var service = Start(startInfo, scratch, hasLauncher: false);
            service.Id = service._process.Id;
            return service;
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the executable of <paramref name="folder"/> as systemd starts a <c>Type=notify</c>
    /// unit: as the child of a process named <c>systemd</c>, with <c>NOTIFY_SOCKET</c> set to
    /// <paramref name="notifySocketPath"/>, and with the unit's <c>Environment=</c>,
    /// <c>StateDirectory=</c> and <c>UMask=</c> applied under <paramref name="stateRoot"/>.
    /// </summary>
    /// <remarks>
    /// Microsoft.Extensions.Hosting.Systemd 10.0 treats a process as a systemd service when the
    /// file <c>/proc/PARENT-PID/comm</c> reads <c>systemd</c> (or when it is PID 1 with
    /// <c>NOTIFY_SOCKET</c> set). The parent here is a copy of <c>/bin/sh</c> saved as
    /// <c>systemd</c>, so the product's own detection decides, not a test switch. The shell sets
    /// the umask, writes the service's process id to a file and waits for the service, so its
    /// exit code is the service's. <c>DOTNET_ROOT</c> gives the executable the runtime's folder, as
    /// a unit must for a runtime outside the default install folder.
    /// </remarks>
    public static async Task<ServiceProcess> StartUnderSystemdAsync(InstallFolder folder, SystemdUnit unit, string stateRoot, string notifySocketPath)
    {
        var scratch = new TempDirectory();
        ServiceProcess? service = null;
        try
        {
            var launcherPath = scratch.Combine("systemd");
            File.Copy("/bin/sh", launcherPath);
            File.SetUnixFileMode(launcherPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var pidFile = scratch.Combine("service.pid");

            var startInfo = CreateStartInfo(launcherPath, scratch);
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add("umask \"$1\"; pid_file=$2; shift 2; \"$@\" & echo $! > \"$pid_file\"; wait $!");
            startInfo.ArgumentList.Add("systemd");
            startInfo.ArgumentList.Add(unit.UMask);
            startInfo.ArgumentList.Add(pidFile);
            startInfo.ArgumentList.Add(folder.ExecutablePath);

            // systemd's WorkingDirectory= is the install folder in the project's units.
            startInfo.WorkingDirectory = folder.Path;
            unit.CreateStateDirectories(stateRoot);
            foreach (var (name, value) in unit.EnvironmentUnder(stateRoot))
            {
                startInfo.Environment[name] = value;
            }

            startInfo.Environment["NOTIFY_SOCKET"] = notifySocketPath;
            startInfo.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost.Path);

            service = Start(startInfo, scratch, hasLauncher: true);
            service.Id = await service.ReadServiceProcessIdAsync(pidFile);
            return service;
        }
        catch
        {
            if (service is null)
            {
                scratch.Dispose();
            }
            else
            {
                service.Dispose();
            }

            throw;
        }
    }

    /// <summary>Sends SIGTERM to the service, as <c>systemctl stop</c> and <c>kill PID</c> do.</summary>
    public void SendTerminateSignal() => SendSignal(SigTerm);

    /// <summary>Sends the signal <paramref name="signalNumber"/> to the service.</summary>
    public void SendSignal(int signalNumber)
    {
        if (Kill(Id, signalNumber) != 0)
        {
            Assert.Fail($"kill({Id}, {signalNumber}) failed with errno {Marshal.GetLastPInvokeError()}.\n{Describe()}");
        }
    }

    /// <summary>
    /// Waits until the process has exited and its output is read, and returns its exit code. Fails
    /// the test when that takes longer than <paramref name="timeout"/>.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The process {Id} did not exit within {timeout.TotalSeconds:0} s.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process, its launcher and anything they started, if still running.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            KillOrphanedService();
        }
        finally
        {
            _process.Dispose();
            _scratch.Dispose();
        }
    }

    private static ProcessStartInfo CreateStartInfo(string fileName, TempDirectory scratch)
    {
        var workingDirectory = scratch.Combine("working-directory");
        Directory.CreateDirectory(workingDirectory);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        RemoveInheritedSettings(startInfo.Environment);
        return startInfo;
    }

    /// <summary>
    /// Removes variables of the test's own environment that the service would read as settings or
    /// as a service manager's signal, so that only the install folder and the test configure it.
    /// </summary>
    private static void RemoveInheritedSettings(IDictionary<string, string?> environment)
    {
        var inherited = environment.Keys.Where(name =>
            name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || name.Contains("__", StringComparison.Ordinal)
            || name is "DOTNET_ENVIRONMENT" or "DOTNET_CONTENTROOT" or "NOTIFY_SOCKET" or "LISTEN_PID" or "LISTEN_FDS" or "INVOCATION_ID" or "JOURNAL_STREAM")
            .ToList();
        foreach (var name in inherited)
        {
            environment.Remove(name);
        }
    }

    private static ServiceProcess Start(ProcessStartInfo startInfo, TempDirectory scratch, bool hasLauncher)
    {
        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(process, scratch, hasLauncher, DateTime.Now);
        process.OutputDataReceived += (_, line) => service.Append(service._output, line.Data);
        process.ErrorDataReceived += (_, line) => service.Append(service._error, line.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The service reads nothing from its console, and a closed input keeps it from waiting on the test's.
        process.StandardInput.Close();
        return service;
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            target.AppendLine(line);
        }
    }

    private async Task<int> ReadServiceProcessIdAsync(string pidFile)
    {
        var deadline = DateTime.UtcNow + LauncherTimeout;
        while (DateTime.UtcNow < deadline)
        {
            // The shell writes the number and a line end, so a file without the line end is half written.
            if (File.Exists(pidFile) && await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken) is { Length: > 1 } text && text.EndsWith('\n'))
            {
                return int.Parse(text, CultureInfo.InvariantCulture);
            }

            Assert.False(_process.HasExited, $"The systemd stand-in exited with code {(_process.HasExited ? _process.ExitCode : 0)} before it started the service.\n{Describe()}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The systemd stand-in did not write the service's process id within {LauncherTimeout.TotalSeconds:0} s.\n{Describe()}");
    }

    /// <summary>
    /// Kills the service if its launcher is gone but it still runs, checking the start time so that
    /// a process id reused by another program is left alone.
    /// </summary>
    private void KillOrphanedService()
    {
        if (!_hasLauncher || Id == 0)
        {
            return;
        }

        try
        {
            using var orphan = Process.GetProcessById(Id);
            if (orphan.StartTime >= _startedAt.AddSeconds(-1))
            {
                orphan.Kill();
                orphan.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (ArgumentException)
        {
            // No process with that id: the service has exited.
        }
        catch (InvalidOperationException)
        {
            // The process exited between the look-up and the kill.
        }
    }

    // DllImport rather than LibraryImport, whose generated code would need unsafe blocks in this project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
