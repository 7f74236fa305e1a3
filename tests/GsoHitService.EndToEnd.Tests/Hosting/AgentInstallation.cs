using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// An install folder of the department agent with everything an operator adds: an
/// <c>appsettings.json</c> for 127.0.0.1 on a free port, the test certificates, a matching-key
/// file, a CSV export with <see cref="HeldBsns"/> and the shared test kerngroep's roster.
/// </summary>
internal sealed class AgentInstallation : IDisposable
{
    public const string Department = "brp";

    public const string KeyEpoch = "2026-01";

    /// <summary>BSNs in the agent's export (made up, elfproef-valid).</summary>
    public static readonly string[] HeldBsns = ["111222333", "123456782"];

    /// <summary>A BSN that is not in the export.</summary>
    public const string UnknownBsn = "012345672";

    private const string SettingsFileName = "appsettings.json";

    private readonly List<GrpcChannel> _channels = [];

    private AgentInstallation(InstallFolder folder, MatchingKey key, int port)
    {
        Folder = folder;
        Key = key;
        Port = port;
    }

    public InstallFolder Folder { get; }

    /// <summary>The agent's <c>appsettings.json</c>.</summary>
    public string SettingsPath => Folder.Combine(SettingsFileName);

    /// <summary>The municipality's matching key, which a coordinator of this agent must share.</summary>
    public MatchingKey Key { get; }

    public int Port { get; }

    /// <summary>The endpoint as configured and as the agent logs it.</summary>
    public string Endpoint => $"https://127.0.0.1:{Port}";

    public Uri Address => new(Endpoint);

    /// <summary>The audit log at its default place, <c>audit/agent-audit.log</c> in the content root.</summary>
    public string AuditLogPath => Folder.Combine("audit", "agent-audit.log");

    /// <summary>
    /// Copies the agent's build output and writes its files. <paramref name="configure"/> may change
    /// the settings before they are written, and <paramref name="extraRows"/> more made-up BSNs
    /// make the index load take longer.
    /// </summary>
    public static AgentInstallation Create(Action<JsonObject>? configure = null, int extraRows = 0)
    {
        var folder = InstallFolder.Create("GsoHitService.Agent");
        var key = MatchingKey.Generate(KeyEpoch);
        try
        {
            var port = LoopbackChannels.FindFreePort();
            Directory.CreateDirectory(folder.Combine("keys"));
            MatchingKeyFile.Write(folder.Combine("keys", "matching.gsokey"), key);
            TestCertificates.Shared.WriteServerFiles(folder.Directory);
            WriteExport(folder.Combine("data", "export.csv"), extraRows);

            var settings = Settings(port);
            configure?.Invoke(settings);
            File.WriteAllText(folder.Combine(SettingsFileName), settings.ToJsonString());
            return new AgentInstallation(folder, key, port);
        }
        catch
        {
            key.Dispose();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>A client of the agent over mutual TLS with the accepted test client certificate.</summary>
    public Proto.DepartmentAgent.DepartmentAgentClient CreateClient()
    {
        var channel = LoopbackChannels.Create(Address);
        _channels.Add(channel);
        return new Proto.DepartmentAgent.DepartmentAgentClient(channel);
    }

    /// <summary>
    /// Calls GetAgentInfo until the agent reports a loaded index, and returns that reply.
    /// Fails the test with the process's output when the process exits or <paramref name="timeout"/>
    /// passes first.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public async Task<Proto.AgentInfo> WaitForIndexAsync(ServiceProcess process, TimeSpan timeout)
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        var lastProblem = "no call made";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The agent exited before it answered GetAgentInfo.\n{process.Describe()}");
            try
            {
                var info = await client.GetAgentInfoAsync(new Proto.AgentInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: TestContext.Current.CancellationToken);
                if (info.IndexState == Proto.IndexState.Ready)
                {
                    return info;
                }

                lastProblem = $"index {info.IndexState}: {info.UnavailableReason}";
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet, or still starting.
                lastProblem = exception.Status.Detail;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The agent did not answer GetAgentInfo with a loaded index within {timeout.TotalSeconds:0} s (last: {lastProblem}).\n{process.Describe()}");
    }

    /// <summary>
    /// A hit query for <paramref name="bsns"/> with a privacy check 1 decision of the shared test
    /// kerngroep that approves exactly these tokens for this agent.
    /// </summary>
    public Proto.HitQueryRequest SignedBsnQuery(params string[] bsns)
    {
        using var tokenizer = new MatchTokenizer(Key);
        var tokens = new byte[bsns.Length * MatchToken.Length];
        for (var i = 0; i < bsns.Length; i++)
        {
            tokenizer.ComputeToken(IdentifierNormalizer.Normalize(IdentifierType.Bsn, bsns[i])).CopyTo(tokens.AsSpan(i * MatchToken.Length));
        }

        var context = new TokenContext(TokenScheme.Version, NormaliserProfile.Id, KeyEpoch);
        var decision = TestKerngroep.PrivacyCheck1(Department, context, SubjectToken.FromConcatenated(IdentifierType.Bsn, tokens));
        var request = new Proto.HitQueryRequest
        {
            QueryId = $"query-{Guid.NewGuid():N}",
            Context = new Proto.MatchContext { TokenSchemeVersion = TokenScheme.Version, NormaliserProfile = NormaliserProfile.Id, KeyEpoch = KeyEpoch },
            Decision = TestKerngroep.Sign(decision, TestKerngroep.Shared.PrivacyCheck1Signers),
        };
        request.Probes.Add(new Proto.ProbeGroup { IdentifierType = Proto.IdentifierType.Bsn, Tokens = ByteString.CopyFrom(tokens) });
        return request;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        Key.Dispose();
        Folder.Dispose();
    }

    private static void WriteExport(string path, int extraRows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        writer.Write("bsn;postcode\n");
        foreach (var bsn in HeldBsns)
        {
            writer.Write($"{bsn};1234AB\n");
        }

        foreach (var bsn in MadeUpBsns(extraRows))
        {
            writer.Write($"{bsn};1234AB\n");
        }
    }

    /// <summary>
    /// Returns distinct BSNs that pass the elfproef, starting at 200000000 so that none equals
    /// <see cref="HeldBsns"/> or <see cref="UnknownBsn"/>.
    /// </summary>
    private static IEnumerable<string> MadeUpBsns(int count)
    {
        var made = 0;
        for (var prefix = 20_000_000; made < count; prefix++)
        {
            // Elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11, so d9 is that sum modulo 11.
            var sum = 0;
            var digits = prefix;
            for (var weight = 2; weight <= 9; weight++)
            {
                sum += weight * (digits % 10);
                digits /= 10;
            }

            var checkDigit = sum % 11;
            if (checkDigit == 10)
            {
                continue;
            }

            made++;
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix:D8}{checkDigit}");
        }
    }

    private static JsonObject Settings(int port) => new()
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
        ["Agent"] = new JsonObject
        {
            ["Department"] = Department,
            ["DisplayName"] = "Basisregistratie Personen",
            ["MatchingKeyFile"] = "keys/matching.gsokey",
            ["Index"] = new JsonObject { ["WatchSourceFiles"] = false },
            ["Sources"] = new JsonArray(new JsonObject
            {
                ["Name"] = "brp-export",
                ["Kind"] = "Csv",
                ["Path"] = "data/export.csv",
                ["Csv"] = new JsonObject { ["Delimiter"] = ";", ["Encoding"] = "utf-8" },
                ["Identifiers"] = new JsonArray(new JsonObject { ["Type"] = "bsn", ["Field"] = "bsn" }),
            }),
        },
        ["CoreTeam"] = TestKerngroep.Shared.RosterSection(),
    };
}
