using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GsoHitService.Agent;
using GsoHitService.Agent.Indexing;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>One record of a test department's CSV export.</summary>
/// <param name="Bsn">A BSN, or empty.</param>
/// <param name="Postcode">The postcode of the address, or empty.</param>
/// <param name="HouseNumber">The huisnummer of the address, or empty.</param>
/// <param name="KvkNumber">A KvK-nummer, or empty.</param>
/// <param name="PermitNumber">The vergunningnummer of a permit at the address, or empty.</param>
/// <param name="PermitKind">The vergunningsoort of that permit, or empty.</param>
internal sealed record AgentRecord(
    string Bsn = "",
    string Postcode = "",
    string HouseNumber = "",
    string KvkNumber = "",
    string PermitNumber = "",
    string PermitKind = "");

/// <summary>
/// A real department agent on Kestrel at 127.0.0.1 with a free port and the test certificates,
/// reading one CSV export written into its own content root, configured through
/// <c>appsettings.json</c> as in production. It indexes only the identifier types it is given and
/// releases only the columns named in its field map.
/// </summary>
internal sealed class TestAgent : IAsyncDisposable
{
    /// <summary>The field map of an agent started without one: the address columns.</summary>
    public static readonly IReadOnlyList<string> AddressFields = ["postcode", "huisnummer"];

    private readonly TempDirectory _contentRoot;
    private bool _stopped;

    private TestAgent(string department, TempDirectory contentRoot, WebApplication app)
    {
        Department = department;
        _contentRoot = contentRoot;
        App = app;
    }

    public string Department { get; }

    public WebApplication App { get; }

    public Uri Address => new(App.Urls.First());

    /// <summary>The agent's audit log, at the default <c>Agent:AuditLogPath</c> in its content root.</summary>
    public string AuditLogPath => _contentRoot.Combine("audit", "agent-audit.log");

    /// <param name="department">Department code.</param>
    /// <param name="key">The municipality's matching key, shared with the coordinator.</param>
    /// <param name="heldTypes">Identifier types the export's columns are indexed as: bsn, adres and kvk.</param>
    /// <param name="records">The export's records.</param>
    /// <param name="kerngroep">The kerngroep whose roster the agent verifies decisions with.</param>
    /// <param name="configureServices">Changes services after the agent's registrations, for example to hold lookups.</param>
    /// <param name="port">The port to listen on; 0 picks a free one.</param>
    /// <param name="releasableFields">
    /// The export's columns the agent may release, each under its column name
    /// (<c>vergunningnummer</c>, for example). Null means <see cref="AddressFields"/>.
    /// </param>
    public static async Task<TestAgent> StartAsync(
        string department,
        MatchingKey key,
        IReadOnlyCollection<IdentifierType> heldTypes,
        IEnumerable<AgentRecord> records,
        TestKerngroep kerngroep,
        Action<IServiceCollection>? configureServices = null,
        int port = 0,
        IReadOnlyCollection<string>? releasableFields = null)
    {
        var contentRoot = new TempDirectory();
        try
        {
            Directory.CreateDirectory(contentRoot.Combine("keys"));
            MatchingKeyFile.Write(contentRoot.Combine("keys", "matching.gsokey"), key);
            TestCertificates.Shared.WriteServerFiles(contentRoot);
            contentRoot.WriteFile(Path.Combine("data", "export.csv"), ToCsv(records));
            File.WriteAllText(contentRoot.Combine("appsettings.json"), Settings(department, heldTypes, releasableFields ?? AddressFields, kerngroep, port).ToJsonString());

            var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = contentRoot.Path,
                EnvironmentName = Environments.Production,
            });
            builder.Logging.ClearProviders();
            builder.AddAgent();
            configureServices?.Invoke(builder.Services);

            var app = builder.Build();
            app.MapAgent();
            var agent = new TestAgent(department, contentRoot, app);
            await app.StartAsync(TestContext.Current.CancellationToken);
            await agent.WaitForIndexAsync();
            return agent;
        }
        catch
        {
            contentRoot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops the agent at once: calls in progress are aborted rather than drained, as when the
    /// department's server goes down.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        try
        {
            await App.StopAsync(abort.Token);
        }
        catch (OperationCanceledException)
        {
            // Expected: the short stop token is what aborts the calls in progress.
        }

        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _contentRoot.Dispose();
    }

    /// <summary>
    /// Counts the entries with the given action (<c>content-release</c>, for example) in the agent's
    /// audit log. The agent writes an entry for every request, served or refused, before it replies.
    /// </summary>
    public async Task<int> CountAuditEntriesAsync(string action)
    {
        // The running agent keeps the log open for writing, so the reader must allow that.
        await using var stream = new FileStream(AuditLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var count = 0;
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            using var entry = JsonDocument.Parse(line);
            if (entry.RootElement.GetProperty("action").GetString() == action)
            {
                count++;
            }
        }

        return count;
    }

    private async Task WaitForIndexAsync()
    {
        var manager = App.Services.GetRequiredService<IndexManager>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (manager.CompletedLoads < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The index of agent {Department} did not load within 30 seconds.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static string ToCsv(IEnumerable<AgentRecord> records)
    {
        var csv = new StringBuilder("bsn;postcode;huisnummer;kvk;vergunningnummer;vergunningsoort\n");
        foreach (var record in records)
        {
            csv.AppendJoin(';', record.Bsn, record.Postcode, record.HouseNumber, record.KvkNumber, record.PermitNumber, record.PermitKind).Append('\n');
        }

        return csv.ToString();
    }

    private static JsonObject Settings(
        string department,
        IReadOnlyCollection<IdentifierType> heldTypes,
        IReadOnlyCollection<string> releasableFields,
        TestKerngroep kerngroep,
        int port)
    {
        var identifiers = new JsonArray();
        if (heldTypes.Contains(IdentifierType.Bsn))
        {
            identifiers.Add(new JsonObject { ["Type"] = "bsn", ["Field"] = "bsn" });
        }

        if (heldTypes.Contains(IdentifierType.Address))
        {
            identifiers.Add(new JsonObject
            {
                ["Type"] = "adres",
                ["Address"] = new JsonObject { ["Postcode"] = "postcode", ["HouseNumber"] = "huisnummer" },
            });
        }

        if (heldTypes.Contains(IdentifierType.KvkNumber))
        {
            identifiers.Add(new JsonObject { ["Type"] = "kvk", ["Field"] = "kvk" });
        }

        var fieldMap = new JsonObject();
        foreach (var column in releasableFields)
        {
            fieldMap[column] = new JsonArray(column);
        }

        var settings = new JsonObject
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
                ["Department"] = department,
                ["DisplayName"] = $"Afdeling {department}",
                ["MatchingKeyFile"] = "keys/matching.gsokey",
                ["Index"] = new JsonObject { ["WatchSourceFiles"] = false },
                ["Sources"] = new JsonArray(new JsonObject
                {
                    ["Name"] = $"{department}-export",
                    ["Kind"] = "Csv",
                    ["Path"] = "data/export.csv",
                    ["Csv"] = new JsonObject { ["Delimiter"] = ";", ["Encoding"] = "utf-8" },
                    ["Identifiers"] = identifiers,
                    ["ReleasableFields"] = fieldMap,
                }),
            },
            ["CoreTeam"] = kerngroep.RosterSection(),
        };

        return settings;
    }
}
