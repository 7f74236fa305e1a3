using System.Text.Json.Nodes;
using Grpc.Net.Client;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// An install folder of the coordinator with everything an operator adds: an
/// <c>appsettings.json</c> for 127.0.0.1 on a free port, server and agent-client certificates,
/// the matching-key file, the shared test kerngroep's roster and a SQLite store in <c>data</c>.
/// </summary>
internal sealed class CoordinatorInstallation : IDisposable
{
    private const string SettingsFileName = "appsettings.json";

    private readonly List<GrpcChannel> _channels = [];

    private CoordinatorInstallation(InstallFolder folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public InstallFolder Folder { get; }

    /// <summary>The coordinator's <c>appsettings.json</c>.</summary>
    public string SettingsPath => Folder.Combine(SettingsFileName);

    public int Port { get; }

    /// <summary>The endpoint as configured and as the coordinator logs it.</summary>
    public string Endpoint => $"https://127.0.0.1:{Port}";

    public Uri Address => new(Endpoint);

    /// <summary>
    /// Copies the coordinator's build output and writes its files for the agent at
    /// <paramref name="agentAddress"/>. <paramref name="configure"/> may change the settings before
    /// they are written.
    /// </summary>
    public static CoordinatorInstallation Create(MatchingKey key, string department, Uri agentAddress, Action<JsonObject>? configure = null)
    {
        var folder = InstallFolder.Create("GsoHitService.Coordinator");
        try
        {
            var port = LoopbackChannels.FindFreePort();
            Directory.CreateDirectory(folder.Combine("keys"));
            MatchingKeyFile.Write(folder.Combine("keys", "matching.gsokey"), key);
            TestCertificates.Shared.WriteServerFiles(folder.Directory);
            TestCertificates.Shared.WriteClientFiles(folder.Directory);

            var settings = Settings(port, department, agentAddress);
            configure?.Invoke(settings);
            File.WriteAllText(folder.Combine(SettingsFileName), settings.ToJsonString());
            return new CoordinatorInstallation(folder, port);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>A client of the coordinator API over mutual TLS with the accepted test client certificate.</summary>
    public Proto.Coordinator.CoordinatorClient CreateClient()
    {
        var channel = LoopbackChannels.Create(Address);
        _channels.Add(channel);
        return new Proto.Coordinator.CoordinatorClient(channel);
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        Folder.Dispose();
    }

    private static JsonObject Settings(int port, string department, Uri agentAddress) => new()
    {
        ["Server"] = new JsonObject
        {
            ["Endpoints"] = new JsonArray($"https://127.0.0.1:{port}"),
            ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
            ["ClientCertificates"] = new JsonObject
            {
                ["TrustedCaPath"] = "ca.crt.pem",
                ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName),
            },
        },
        ["AgentClient"] = new JsonObject
        {
            ["Certificate"] = new JsonObject { ["Path"] = "client.crt.pem", ["KeyPath"] = "client.key.pem" },
            ["TrustedCaPath"] = "client-ca.crt.pem",
        },
        ["Coordinator"] = new JsonObject
        {
            ["MatchingKeyFile"] = "keys/matching.gsokey",
            ["Store"] = new JsonObject
            {
                ["Provider"] = "Sqlite",
                ["DataFolder"] = "data",
                ["DataKeyFile"] = "keys/coordinator-data.key",
                ["CreateDataKeyIfMissing"] = true,
            },
            ["Agents"] = new JsonArray(new JsonObject { ["Department"] = department, ["Address"] = agentAddress.ToString() }),
        },
        ["CoreTeam"] = TestKerngroep.Shared.RosterSection(),
    };
}
