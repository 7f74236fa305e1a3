using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using GsoHitService.Audit;
using GsoHitService.TestSupport;
using static GsoHitService.EndToEnd.Tests.Hosting.ProcessHostingCollection;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// The built agent, run from an install folder as a console program (<c>dotnet
/// GsoHitService.Agent.dll</c>) and as the systemd <c>Type=notify</c> unit of
/// <c>deploy/systemd/gso-agent.service</c>, through its real <c>Program.cs</c> and
/// <c>GsoServiceHost</c>.
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(nameof(ProcessHostingCollection))]
public sealed class AgentProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task ConsoleProgram_AnswersThenExitsZeroOnSignal(string signal)
    {
        RequireLinux();
        using var agent = AgentInstallation.Create();
        var started = Stopwatch.StartNew();
        using var process = ServiceProcess.StartAsConsoleProgram(agent.Folder);

        var info = await agent.WaitForIndexAsync(process, StartTimeout);
        var startTime = started.Elapsed;
        var query = agent.SignedBsnQuery(AgentInstallation.HeldBsns[0], AgentInstallation.UnknownBsn);
        var reply = await agent.CreateClient().QueryHitsAsync(query, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Token);
        var stopping = Stopwatch.StartNew();
        process.SendSignal(signal == "SIGINT" ? ServiceProcess.SigInt : ServiceProcess.SigTerm);
        var exitCode = await process.WaitForExitAsync(StopTimeout);
        Report($"Agent console program: index loaded {startTime.TotalMilliseconds:0} ms after start, exited {stopping.ElapsedMilliseconds} ms after {signal}.");

        Assert.Equal(AgentInstallation.Department, info.Department);
        Assert.Equal([Proto.HitAnswer.Hit, Proto.HitAnswer.NoHit], reply.Answers.Single().Answers);
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.True(process.StandardError.Length == 0, process.Describe());
        Assert.Contains($"Listening on {agent.Endpoint} with server certificate", process.StandardOutput, StringComparison.Ordinal);

        // The content root is the install folder, never the working directory.
        Assert.Empty(Directory.EnumerateFileSystemEntries(process.WorkingDirectory));
        var audit = AuditLogVerifier.Verify(agent.AuditLogPath, Token);
        Assert.True(audit.IsIntact, audit.FirstBreak?.Detail);
        Assert.Equal(1, audit.EntriesChecked);
        Assert.Contains(query.QueryId, await File.ReadAllTextAsync(agent.AuditLogPath, Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemdService_ReadyWhenListeningStoppingOnSigterm()
    {
        RequireLinux();
        var unit = SystemdUnit.Read("gso-agent.service");
        using var state = new TempDirectory();
        var unitEnvironment = unit.EnvironmentUnder(state.Path);
        using var notifySocket = new SystemdNotifySocket();
        using var agent = AgentInstallation.Create(settings => settings["Logging"] = JournalOutput.TimestampedLogging());
        var installedFiles = agent.Folder.ListFiles();
        var started = Stopwatch.StartNew();
        using var process = await ServiceProcess.StartUnderSystemdAsync(agent.Folder, unit, state.Path, notifySocket.Path);

        var ready = await notifySocket.NextAsync(StartTimeout);
        var startTime = started.Elapsed;
        Assert.True(ready?.Message == "READY=1", $"First notification: '{ready?.Message}'.\n{process.Describe()}");

        // READY=1 promises that the agent takes calls, so the first call must succeed without a retry.
        var firstInfo = await agent.CreateClient().GetAgentInfoAsync(new Proto.AgentInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: Token);
        await agent.WaitForIndexAsync(process, StartTimeout);
        var query = agent.SignedBsnQuery(AgentInstallation.HeldBsns[1]);
        var reply = await agent.CreateClient().QueryHitsAsync(query, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Token);
        var beforeStop = notifySocket.Received;
        var stoppingTime = Stopwatch.StartNew();
        process.SendTerminateSignal();
        var stopping = await notifySocket.NextAsync(StopTimeout);
        var exitCode = await process.WaitForExitAsync(StopTimeout);
        Report($"Agent under systemd: READY=1 {startTime.TotalMilliseconds:0} ms after start, exited {stoppingTime.ElapsedMilliseconds} ms after SIGTERM.");

        Assert.Equal(AgentInstallation.Department, firstInfo.Department);

        // A READY=1 sent before Kestrel listens may arrive only milliseconds early, too little for the
        // first call to fail reliably. The agent's own log shows the order.
        var listeningLoggedAt = JournalOutput.FindListeningLoggedAt(process.StandardOutput, agent.Endpoint);
        Assert.True(listeningLoggedAt <= ready!.ReceivedAt, $"READY=1 arrived at {ready.ReceivedAt:O}, before the agent logged at {listeningLoggedAt:O} that it listens.");
        Assert.Equal(["READY=1"], beforeStop);
        Assert.Equal("STOPPING=1", stopping?.Message);
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Equal(["READY=1", "STOPPING=1"], notifySocket.Received);
        Assert.True(process.StandardError.Length == 0, process.Describe());
        Assert.Equal([Proto.HitAnswer.Hit], reply.Answers.Single().Answers);

        // The unit makes the install folder read-only (ProtectSystem=strict), so everything the agent
        // writes must go to the state directory.
        Assert.Equal(installedFiles, agent.Folder.ListFiles());
        var auditLogPath = unitEnvironment["Agent__AuditLogPath"];
        var audit = AuditLogVerifier.Verify(auditLogPath, Token);
        Assert.True(audit.IsIntact, audit.FirstBreak?.Detail);
        Assert.Equal(1, audit.EntriesChecked);
        Assert.Contains(query.QueryId, await File.ReadAllTextAsync(auditLogPath, Token), StringComparison.Ordinal);
        Assert.True(File.Exists(unitEnvironment["Agent__Decisions__UseRecordPath"]), $"No record of used decisions at {unitEnvironment["Agent__Decisions__UseRecordPath"]}.");
    }

    [Fact]
    public async Task SystemdService_SigtermDuringIndexLoad_ExitsZero()
    {
        RequireLinux();
        var unit = SystemdUnit.Read("gso-agent.service");
        using var state = new TempDirectory();
        using var notifySocket = new SystemdNotifySocket();

        // Indexing one million rows took about 8 s on the project's 2-core test machine, and the stop
        // comes about 1 s after the start.
        using var agent = AgentInstallation.Create(extraRows: 1_000_000);
        using var process = await ServiceProcess.StartUnderSystemdAsync(agent.Folder, unit, state.Path, notifySocket.Path);

        var ready = await notifySocket.NextAsync(StartTimeout);
        Assert.True(ready?.Message == "READY=1", $"First notification: '{ready?.Message}'.\n{process.Describe()}");
        var info = await agent.CreateClient().GetAgentInfoAsync(new Proto.AgentInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: Token);
        var stoppingTime = Stopwatch.StartNew();
        process.SendTerminateSignal();
        var stopping = await notifySocket.NextAsync(StopTimeout);
        var exitCode = await process.WaitForExitAsync(StopTimeout);
        Report($"Agent under systemd, stopped during its first index load: exited {stoppingTime.ElapsedMilliseconds} ms after SIGTERM.");

        Assert.True(info.IndexState == Proto.IndexState.Loading, $"The index was {info.IndexState} at SIGTERM; the stop must fall inside the first load, so give the export more rows.");
        Assert.Equal("STOPPING=1", stopping?.Message);
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.DoesNotContain("Index load succeeded", process.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plaintext-endpoint", "Server:Endpoints")]
    [InlineData("no-roster", "CoreTeam")]
    [InlineData("missing-key-file", "Agent:MatchingKeyFile")]
    [InlineData("reflection-not-boolean", "Agent:EnableServerReflection")]
    public async Task ConsoleProgram_WrongSetting_ExitsOneNamingIt(string change, string settingName)
    {
        RequireLinux();
        using var agent = AgentInstallation.Create(settings => ApplyWrongSetting(settings, change));
        using var process = ServiceProcess.StartAsConsoleProgram(agent.Folder);

        var exitCode = await process.WaitForExitAsync(FailedStartTimeout);

        // Program.cs returns 1 for a failure it caught. An unhandled exception would end with SIGABRT (134).
        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Contains("The agent stopped: ", process.StandardError, StringComparison.Ordinal);
        Assert.Contains(settingName, process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleProgram_SettingsFileNotJson_ExitsOneNamingFile()
    {
        RequireLinux();
        using var agent = AgentInstallation.Create();
        var settingsText = await File.ReadAllTextAsync(agent.SettingsPath, Token);
        await File.WriteAllTextAsync(agent.SettingsPath, settingsText[..^1], Token);
        using var process = ServiceProcess.StartAsConsoleProgram(agent.Folder);

        var exitCode = await process.WaitForExitAsync(FailedStartTimeout);

        // The file fails to parse before the host has a logger, so the line of Program.cs is the only report.
        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Contains("The agent stopped: ", process.StandardError, StringComparison.Ordinal);
        Assert.Contains(agent.SettingsPath, process.StandardError, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine", process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemdService_WrongSetting_ExitsOneWithoutReady()
    {
        RequireLinux();
        var unit = SystemdUnit.Read("gso-agent.service");
        using var state = new TempDirectory();
        using var notifySocket = new SystemdNotifySocket();
        using var agent = AgentInstallation.Create(settings => ApplyWrongSetting(settings, "plaintext-endpoint"));
        using var process = await ServiceProcess.StartUnderSystemdAsync(agent.Folder, unit, state.Path, notifySocket.Path);

        var exitCode = await process.WaitForExitAsync(FailedStartTimeout);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{process.Describe()}");
        Assert.Contains("Server:Endpoints", process.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("READY=1", notifySocket.Received);
    }

    private static void Report(string measurement) => TestContext.Current.TestOutputHelper?.WriteLine(measurement);

    private static void ApplyWrongSetting(JsonObject settings, string change)
    {
        switch (change)
        {
            case "plaintext-endpoint":
                settings["Server"]!["Endpoints"] = new JsonArray("http://127.0.0.1:" + LoopbackChannels.FindFreePort());
                break;
            case "no-roster":
                settings.Remove("CoreTeam");
                break;
            case "missing-key-file":
                settings["Agent"]!["MatchingKeyFile"] = "keys/ontbreekt.gsokey";
                break;
            case "reflection-not-boolean":
                settings["Agent"]!["EnableServerReflection"] = "ja";
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown wrong setting.");
        }
    }
}
