using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using GsoHitService.Coordinator;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// A real coordinator on Kestrel at 127.0.0.1 with a free port, the test certificates, a real
/// SQLite file and audit log in its content root, configured through <c>appsettings.json</c> as
/// in production. It can be stopped and started again on the same content root, as after a
/// restart of the service.
/// </summary>
internal sealed class TestCoordinator : IAsyncDisposable
{
    /// <summary>Common name of a case-team member's client certificate that the coordinator accepts.</summary>
    public const string MemberCommonName = "casusregisseur";

    private static readonly Lazy<X509Certificate2> MemberCertificateInstance =
        new(() => TestCertificates.Shared.Authority.IssueClientCertificate(MemberCommonName, notAfter: DateTimeOffset.UtcNow.AddDays(7)));

    private readonly TempDirectory _contentRoot;
    private readonly List<GrpcChannel> _channels = [];
    private WebApplication? _app;

    private TestCoordinator(TempDirectory contentRoot)
    {
        _contentRoot = contentRoot;
    }

    public static X509Certificate2 MemberCertificate => MemberCertificateInstance.Value;

    public WebApplication App => _app ?? throw new InvalidOperationException("The coordinator is not running.");

    public Uri Address => new(App.Urls.First());

    public string ContentRoot => _contentRoot.Path;

    public string AuditLogPath => _contentRoot.Combine("audit", "coordinator-audit.log");

    public string DatabasePath => _contentRoot.Combine("data", "coordinator.db");

    /// <summary>
    /// Writes the content root and starts the coordinator. <paramref name="configure"/> may change
    /// the settings before they are written.
    /// </summary>
    public static async Task<TestCoordinator> StartAsync(
        MatchingKey key, TestKerngroep kerngroep, IEnumerable<(string Department, Uri Address)> agents, Action<JsonObject>? configure = null)
    {
        var contentRoot = new TempDirectory();
        try
        {
            Directory.CreateDirectory(contentRoot.Combine("keys"));
            MatchingKeyFile.Write(contentRoot.Combine("keys", "matching.gsokey"), key);
            TestCertificates.Shared.WriteServerFiles(contentRoot);
            TestCertificates.Shared.WriteClientFiles(contentRoot);

            var settings = Settings(kerngroep, agents);
            configure?.Invoke(settings);
            File.WriteAllText(contentRoot.Combine("appsettings.json"), settings.ToJsonString());

            var coordinator = new TestCoordinator(contentRoot);
            await coordinator.StartAgainAsync();
            return coordinator;
        }
        catch
        {
            contentRoot.Dispose();
            throw;
        }
    }

    /// <summary>Starts a new coordinator process on the same content root, database and audit log.</summary>
    public async Task StartAgainAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The coordinator is still running; stop it first.");
        }

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _contentRoot.Path,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.AddCoordinator();

        var app = builder.Build();
        app.MapCoordinator();
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
    }

    /// <summary>Stops the coordinator; calls still running are aborted after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _channels.Clear();
        using var abort = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(abort.Token);
        }
        catch (OperationCanceledException)
        {
            // The grace period ended; the calls that were still running were aborted.
        }

        await app.DisposeAsync();
    }

    /// <summary>A client of the coordinator API with the given client certificate (default: the accepted test client).</summary>
    public Proto.Coordinator.CoordinatorClient CreateClient(X509Certificate2? clientCertificate = null)
    {
        var certificate = clientCertificate ?? TestCertificates.Shared.Client;
        var serverThumbprint = TestCertificates.Shared.Server.Thumbprint;
        var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        string.Equals(presented?.GetCertHashString(), serverThumbprint, StringComparison.Ordinal),
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                },
            },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes,
            MaxSendMessageSize = GrpcLimits.MaxMessageBytes,
        });
        _channels.Add(channel);
        return new Proto.Coordinator.CoordinatorClient(channel);
    }

    public T GetService<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromMilliseconds(100));
        _contentRoot.Dispose();
    }

    private static JsonObject Settings(TestKerngroep kerngroep, IEnumerable<(string Department, Uri Address)> agents)
    {
        var agentList = new JsonArray();
        foreach (var (department, address) in agents)
        {
            agentList.Add(new JsonObject { ["Department"] = department, ["Address"] = address.ToString() });
        }

        return new JsonObject
        {
            ["Server"] = new JsonObject
            {
                ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
                ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
                ["ClientCertificates"] = new JsonObject
                {
                    ["TrustedCaPath"] = "ca.crt.pem",
                    ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName, MemberCommonName),
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
                    ["DataFolder"] = "data",
                    ["DataKeyFile"] = "keys/coordinator-data.key",
                    ["CreateDataKeyIfMissing"] = true,
                },
                ["Agents"] = agentList,
                ["Queries"] = new JsonObject { ["AgentDeadline"] = "00:00:10" },
            },
            ["CoreTeam"] = kerngroep.RosterSection(),
        };
    }
}
