using System.Diagnostics;
using System.Runtime.Versioning;
using GsoHitService.Audit;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Microsoft.Data.Sqlite;
using static GsoHitService.EndToEnd.Tests.Hosting.ProcessHostingCollection;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// The built coordinator, run from an install folder as the systemd <c>Type=notify</c> unit of
/// <c>deploy/systemd/gso-coordinator.service</c> next to a built agent run as a console program,
/// and as a console program with a wrong setting.
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(nameof(ProcessHostingCollection))]
public sealed class CoordinatorProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SystemdService_ReadyListsAgentStopsOnSigterm()
    {
        RequireLinux();
        using var agent = AgentInstallation.Create();
        using var agentProcess = ServiceProcess.StartAsConsoleProgram(agent.Folder);
        await agent.WaitForIndexAsync(agentProcess, StartTimeout);
        var unit = SystemdUnit.Read("gso-coordinator.service");
        using var state = new TempDirectory();
        var unitEnvironment = unit.EnvironmentUnder(state.Path);
        using var notifySocket = new SystemdNotifySocket();
        using var coordinator = CoordinatorInstallation.Create(
            agent.Key, AgentInstallation.Department, agent.Address, settings => settings["Logging"] = JournalOutput.TimestampedLogging());
        var installedFiles = coordinator.Folder.ListFiles();
        var started = Stopwatch.StartNew();
        using var process = await ServiceProcess.StartUnderSystemdAsync(coordinator.Folder, unit, state.Path, notifySocket.Path);

        var ready = await notifySocket.NextAsync(StartTimeout);
        var startTime = started.Elapsed;
        Assert.True(ready?.Message == "READY=1", $"First notification: '{ready?.Message}'.\n{process.Describe()}");

        // READY=1 promises that the coordinator takes calls, so the first call must succeed without a retry.
        var agents = await coordinator.CreateClient().ListAgentsAsync(new Proto.ListAgentsRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Token);
        var stoppingTime = Stopwatch.StartNew();
        process.SendTerminateSignal();
        var stopping = await notifySocket.NextAsync(StopTimeout);
        var exitCode = await process.WaitForExitAsync(StopTimeout);
        Report($"Coordinator under systemd: READY=1 {startTime.TotalMilliseconds:0} ms after start, exited {stoppingTime.ElapsedMilliseconds} ms after SIGTERM.");
        agentProcess.SendTerminateSignal();
        var agentExitCode = await agentProcess.WaitForExitAsync(StopTimeout);

        var listed = Assert.Single(agents.Agents);
        Assert.Equal(AgentInstallation.Department, listed.Department);
        Assert.True(listed.Reachable, listed.Problem);
        Assert.True(listed.Compatible, listed.Problem);
        var listeningLoggedAt = JournalOutput.FindListeningLoggedAt(process.StandardOutput, coordinator.Endpoint);
        Assert.True(listeningLoggedAt <= ready!.ReceivedAt, $"READY=1 arrived at {ready.ReceivedAt:O}, before the coordinator logged at {listeningLoggedAt:O} that it listens.");
        Assert.Equal("STOPPING=1", stopping?.Message);
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Equal(["READY=1", "STOPPING=1"], notifySocket.Received);
        Assert.True(process.StandardError.Length == 0, process.Describe());
        Assert.True(agentExitCode == 0, $"Agent exit code {agentExitCode}.\n{agentProcess.Describe()}");

        // The unit makes the install folder read-only (ProtectSystem=strict), so the store, its data
        // key and the audit log must go to the state directory.
        Assert.Equal(installedFiles, coordinator.Folder.ListFiles());
        var databasePath = Path.Combine(unitEnvironment["Coordinator__Store__DataFolder"], "coordinator.db");
        Assert.True(File.Exists(databasePath), $"No SQLite database at {databasePath}.\n{process.Describe()}");
        Assert.Contains("signals", await ReadTableNamesAsync(databasePath));
        Assert.True(File.Exists(unitEnvironment["Coordinator__Store__DataKeyFile"]), $"No data key at {unitEnvironment["Coordinator__Store__DataKeyFile"]}.");
        var audit = AuditLogVerifier.Verify(unitEnvironment["Coordinator__AuditLogPath"], Token);
        Assert.True(audit.IsIntact, audit.FirstBreak?.Detail);
    }

    [Fact]
    public async Task ConsoleProgram_PlaintextAgentAddress_ExitsOneNamingIt()
    {
        RequireLinux();
        using var key = MatchingKey.Generate(AgentInstallation.KeyEpoch);
        var plaintextAgent = new Uri($"http://127.0.0.1:{LoopbackChannels.FindFreePort()}");
        using var coordinator = CoordinatorInstallation.Create(key, AgentInstallation.Department, plaintextAgent);
        using var process = ServiceProcess.StartAsConsoleProgram(coordinator.Folder);

        var exitCode = await process.WaitForExitAsync(FailedStartTimeout);

        // Program.cs returns 1 for a failure it caught. An unhandled exception would end with SIGABRT (134).
        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Contains("The coordinator stopped: ", process.StandardError, StringComparison.Ordinal);
        Assert.Contains("Coordinator:Agents:0:Address", process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleProgram_SettingsFileNotJson_ExitsOneNamingFile()
    {
        RequireLinux();
        using var key = MatchingKey.Generate(AgentInstallation.KeyEpoch);
        using var coordinator = CoordinatorInstallation.Create(key, AgentInstallation.Department, new Uri($"https://127.0.0.1:{LoopbackChannels.FindFreePort()}"));
        var settingsText = await File.ReadAllTextAsync(coordinator.SettingsPath, Token);
        await File.WriteAllTextAsync(coordinator.SettingsPath, settingsText[..^1], Token);
        using var process = ServiceProcess.StartAsConsoleProgram(coordinator.Folder);

        var exitCode = await process.WaitForExitAsync(FailedStartTimeout);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Contains("The coordinator stopped: ", process.StandardError, StringComparison.Ordinal);
        Assert.Contains(coordinator.SettingsPath, process.StandardError, StringComparison.Ordinal);
    }

    private static void Report(string measurement) => TestContext.Current.TestOutputHelper?.WriteLine(measurement);

    private static async Task<List<string>> ReadTableNamesAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
