using System.Text.Json.Nodes;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Sources;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Agent.Tests.EndToEnd;

/// <summary>
/// A real agent on Kestrel at 127.0.0.1 with a free port, mutual TLS with the test certificates,
/// a matching-key file, a CSV source and a SQLite source written by the test into a temporary
/// content root, configured through <c>appsettings.json</c> as in production.
/// </summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    public const string KeyEpoch = "2026-01";

    /// <summary>The agent's department, which every test decision must name.</summary>
    public const string Department = "brp";

    private readonly TempDirectory _contentRoot;
    private readonly MatchingKey _key;
    private bool _started;
    private bool _disposed;
    private bool _appDisposed;
    private bool _filesHandedOver;

    private AgentTestHost(TempDirectory contentRoot, MatchingKey key, WebApplication app, CapturingLoggerProvider logs, AgentTestSetup setup)
    {
        _contentRoot = contentRoot;
        Setup = setup;
        _key = key;
        App = app;
        Logs = logs;
        Tokenizer = new MatchTokenizer(key);
    }

    public WebApplication App { get; }

    /// <summary>The files and settings the agent was built from; tests change source files through it.</summary>
    public AgentTestSetup Setup { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>A tokenizer under the agent's key, as the coordinator would hold.</summary>
    public MatchTokenizer Tokenizer { get; }

    public Uri Address => new(App.Urls.First());

    public string ContentRoot => _contentRoot.Path;

    public IndexManager IndexManager => App.Services.GetRequiredService<IndexManager>();

    public RecordingAuditTrail Audit => (RecordingAuditTrail)App.Services.GetRequiredService<IQueryAuditTrail>();

    public LookupProgress Progress => App.Services.GetRequiredService<LookupProgress>();

    /// <summary>Builds and starts an agent; <paramref name="configure"/> may change settings, files and services first.</summary>
    public static async Task<AgentTestHost> StartAsync(Action<AgentTestSetup>? configure = null, bool waitForFirstLoad = true)
    {
        var host = Build(configure);
        await host.StartAppAsync();
        if (waitForFirstLoad)
        {
            await host.WaitForLoadsAsync(1);
        }

        return host;
    }

    /// <summary>Builds the agent without starting it, for tests of start-up failures.</summary>
    public static AgentTestHost Build(Action<AgentTestSetup>? configure = null)
    {
        var contentRoot = new TempDirectory();
        var key = MatchingKey.Generate(KeyEpoch);
        var setup = new AgentTestSetup(contentRoot);
        try
        {
            Directory.CreateDirectory(contentRoot.Combine("keys"));
            MatchingKeyFile.Write(contentRoot.Combine("keys", "matching.gsokey"), key);
            TestCertificates.Shared.WriteServerFiles(contentRoot);
            setup.WriteDefaultSources();
            configure?.Invoke(setup);
            File.WriteAllText(contentRoot.Combine("appsettings.json"), setup.Settings.ToJsonString());
            return BuildOn(contentRoot, key, setup);
        }
        catch
        {
            key.Dispose();
            contentRoot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops this agent and starts a new one on the same content root, as a restart of the service
    /// would. The new host takes over the content root; this one must only be disposed.
    /// </summary>
    /// <param name="whileStopped">Runs between the stop and the start, for example to change files.</param>
    public async Task<AgentTestHost> RestartAsync(Action? whileStopped = null)
    {
        await StopAppAsync();
        whileStopped?.Invoke();
        _filesHandedOver = true;
        var restarted = BuildOn(_contentRoot, _key, Setup);
        await restarted.StartAppAsync();
        await restarted.WaitForLoadsAsync(1);
        return restarted;
    }

    private static AgentTestHost BuildOn(TempDirectory contentRoot, MatchingKey key, AgentTestSetup setup)
    {
        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);

        builder.AddAgent();
        if (!setup.UseAuditLogFile)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<IQueryAuditTrail, RecordingAuditTrail>());
        }

        setup.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapAgent();
        return new AgentTestHost(contentRoot, key, app, logs, setup);
    }

    /// <summary>Starts the built agent.</summary>
    public async Task StartAppAsync()
    {
        await App.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
    }

    /// <summary>Waits until at least <paramref name="count"/> loads have finished, successful or not.</summary>
    public async Task WaitForLoadsAsync(long count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (IndexManager.CompletedLoads < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Only {IndexManager.CompletedLoads} of {count} index loads finished in time.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Computes the token of a BSN, as the coordinator does.</summary>
    public byte[] BsnToken(string bsn) => Token(IdentifierNormalizer.Normalize(IdentifierType.Bsn, bsn));

    public byte[] Token(IdentifierType type, string value) => Token(IdentifierNormalizer.Normalize(type, value));

    public byte[] Token(CanonicalIdentifier identifier)
    {
        var bytes = new byte[MatchToken.Length];
        Tokenizer.ComputeToken(identifier).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Stops and disposes the agent but keeps its content root, so that tests can read its files.</summary>
    public async Task StopAppAsync()
    {
        if (_appDisposed)
        {
            return;
        }

        _appDisposed = true;
        if (_started)
        {
            await App.StopAsync(CancellationToken.None);
        }

        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAppAsync();
        Tokenizer.Dispose();
        if (!_filesHandedOver)
        {
            _key.Dispose();
            _contentRoot.Dispose();
        }
    }
}

/// <summary>What a test may change before the agent is built.</summary>
internal sealed class AgentTestSetup(TempDirectory contentRoot)
{
    /// <summary>BSNs in the CSV source (elfproef-valid, made up).</summary>
    public static readonly string[] CsvBsns = ["111222333", "123456782", "012345672"];

    /// <summary>KvK-nummers in the SQLite source (made up).</summary>
    public static readonly string[] SqliteKvkNumbers = ["12345678", "87654321"];

    public TempDirectory ContentRoot { get; } = contentRoot;

    public string CsvPath => ContentRoot.Combine("data", "personen.csv");

    public string SqlitePath => ContentRoot.Combine("data", "vergunningen.db");

    public JsonObject Settings { get; } = new()
    {
        ["Server"] = new JsonObject
        {
            ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
            ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
            ["ClientCertificates"] = new JsonObject
            {
                ["TrustedCaPath"] = "ca.crt.pem",
                ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName),
            },
        },
        ["Agent"] = new JsonObject
        {
            ["Department"] = AgentTestHost.Department,
            ["DisplayName"] = "Basisregistratie Personen",
            ["MatchingKeyFile"] = "keys/matching.gsokey",
            ["Index"] = new JsonObject { ["FileChangeDelay"] = "00:00:00.200" },
            ["Sources"] = new JsonArray(
                new JsonObject
                {
                    ["Name"] = "personen-csv",
                    ["Kind"] = "Csv",
                    ["Path"] = "data/personen.csv",
                    ["Csv"] = new JsonObject { ["Delimiter"] = ";", ["Encoding"] = "utf-8" },
                    ["Identifiers"] = new JsonArray(
                        new JsonObject { ["Type"] = "bsn", ["Field"] = "bsn" },
                        new JsonObject
                        {
                            ["Type"] = "adres",
                            ["Address"] = new JsonObject { ["Postcode"] = "postcode", ["HouseNumber"] = "huisnummer" },
                        }),
                },
                new JsonObject
                {
                    ["Name"] = "vergunningen-sqlite",
                    ["Kind"] = "Sql",
                    ["Sql"] = new JsonObject
                    {
                        ["Provider"] = "Sqlite",
                        ["ConnectionString"] = "Data Source=data/vergunningen.db",
                        ["Query"] = "SELECT kvk FROM vergunning",
                    },
                    ["Identifiers"] = new JsonArray(new JsonObject { ["Type"] = "kvk", ["Field"] = "kvk" }),
                }),
        },
        ["CoreTeam"] = TestKerngroep.Shared.RosterSection(),
    };

    public JsonObject Agent => Settings["Agent"]!.AsObject();

    /// <summary>
    /// Whether requests are audited in the real audit log file, as in production. Default false:
    /// most tests read the records from memory.
    /// </summary>
    public bool UseAuditLogFile { get; set; }

    /// <summary>Changes services after the agent's registrations, for example to slow down lookups.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public void WriteCsv(IEnumerable<string> bsns) =>
        ContentRoot.WriteFile(
            Path.Combine("data", "personen.csv"),
            "bsn;postcode;huisnummer\n" + string.Concat(bsns.Select((bsn, i) => $"{bsn};1234AB;{i + 1}\n")));

    public void WriteDefaultSources()
    {
        WriteCsv(CsvBsns);
        TestDatabases.CreateSqlite(SqlitePath, "CREATE TABLE vergunning (kvk TEXT NOT NULL)", SqliteKvkNumbers.Select(kvk => $"INSERT INTO vergunning VALUES ('{kvk}')"));
    }

    /// <summary>
    /// The gate that every source waits for before it reads, once <see cref="GateSources"/> is
    /// called. Replace it with a new, unset one to hold the next load.
    /// </summary>
    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wraps every configured source so that each load waits for <see cref="Gate"/>.</summary>
    public void GateSources() =>
        ConfigureServices += services => services.Replace(ServiceDescriptor.Singleton(provider =>
            new AgentSources([.. AgentHostExtensions.CreateSources(provider).Sources.Select(source => (IDepartmentSource)new GatedSource(source, () => Gate.Task))])));
}
