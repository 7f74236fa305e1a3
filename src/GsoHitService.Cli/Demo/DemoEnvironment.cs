using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Resources;
using GsoHitService.Coordinator.Store.Encryption;
using GsoHitService.Demo.Data;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// Everything one demo run sets up: the throwaway folder, the development CA and certificates, the
/// matching key, the kerngroep, the department exports, four agents and the coordinator on
/// loopback, and the two client connections to the coordinator. Shutting it down stops every host
/// and deletes the folder, unless the user asked to keep it.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>Path of the matching-key file in each host's content root.</summary>
    public const string MatchingKeyPath = "keys/matching.gsokey";

    /// <summary>Path of the coordinator's data-key file in its content root.</summary>
    public const string DataKeyPath = "keys/coordinator-data.key";

    /// <summary>Path of an agent's audit log in its content root.</summary>
    public const string AgentAuditLog = "audit/agent-audit.log";

    /// <summary>Path of the coordinator's audit log in its content root.</summary>
    public const string CoordinatorAuditLog = "audit/coordinator-audit.log";

    /// <summary>The owner name of the coordinator's audit log in <see cref="AuditLogs"/>; an agent's is its department.</summary>
    public const string CoordinatorOwner = "coordinator";

    /// <summary>The matching key's epoch, which every token and decision carries.</summary>
    public const string KeyEpoch = "demo";

    /// <summary>Deadline of each call to the coordinator; a hit query waits for all four agents.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly List<DemoHost> _agents = [];
    private readonly bool _keepFolder;
    private CoordinatorConnection? _operator;
    private CoordinatorConnection? _member;
    private bool _shutDown;

    private DemoEnvironment(DemoFolder folder, bool keepFolder)
    {
        Folder = folder;
        _keepFolder = keepFolder;
    }

    public DemoFolder Folder { get; }

    public DemoKerngroep Kerngroep { get; } = new();

    public IReadOnlyList<DemoHost> Agents => _agents;

    public DemoHost? CoordinatorHost { get; private set; }

    /// <summary>The informatiecoördinator's connection, which registers, prepares, submits and queries.</summary>
    public CoordinatorConnection Operator => _operator ?? throw NotStarted();

    /// <summary>The case-team member's connection, which reads the released content.</summary>
    public CoordinatorConnection Member => _member ?? throw NotStarted();

    /// <summary>The addresses that the hosts listened on, including hosts that have stopped.</summary>
    public IReadOnlyList<Uri> Endpoints =>
        [.. _agents.Select(agent => agent.Address), .. CoordinatorHost is null ? Array.Empty<Uri>() : [CoordinatorHost.Address]];

    /// <summary>The coordinator's SQLite database file.</summary>
    public string DatabasePath => Path.Combine(Folder.Coordinator, "data", "coordinator.db");

    /// <summary>Every audit log: the coordinator's first, then one per agent.</summary>
    public IReadOnlyList<(string Owner, string Path)> AuditLogs =>
    [
        (CoordinatorOwner, Path.Combine(Folder.Coordinator, CoordinatorAuditLog)),
        .. DemoDepartments.All.Select(department => (department, Path.Combine(Folder.Agent(department), AgentAuditLog))),
    ];

    /// <summary>Creates the folder; <see cref="StartAsync"/> does the rest.</summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public static DemoEnvironment Create(bool keepFolder) => new(DemoFolder.Create(), keepFolder);

    /// <summary>Writes every file, starts the agents and then the coordinator, and opens the client connections.</summary>
    public async Task StartAsync(DemoProgress progress, bool verbose, CancellationToken cancellationToken)
    {
        progress.Step(DemoText.Format(DemoStrings.StepFolder, Folder.Root));

        var certificates = DemoCertificates.Create(Folder.Pki);
        progress.Step(DemoStrings.StepCertificates);

        // Each host gets its own copy of the municipality's key file, as an installation would.
        using var key = MatchingKey.Generate(KeyEpoch);
        progress.Step(DemoText.Format(DemoStrings.StepMatchingKey, KeyEpoch));

        progress.Step(DemoText.Format(DemoStrings.StepKerngroep, string.Join(", ", Kerngroep.Members.Select(DemoText.Member))));

        cancellationToken.ThrowIfCancellationRequested();
        var exports = DemoDataSet.WriteTo(Folder.Exports);
        progress.Step(DemoStrings.StepExports);
        foreach (var department in exports.Departments)
        {
            progress.Detail(department.Description);
        }

        foreach (var department in exports.Departments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var contentRoot = Folder.Agent(department.Department);
            WriteMatchingKey(contentRoot, key);
            DemoHostSettings.Write(contentRoot, DemoHostSettings.Agent(department.Department, DemoSourceOptions.For(department), certificates, Kerngroep));
            _agents.Add(await DemoHost.StartAgentAsync(department.Department, contentRoot, verbose));
        }

        cancellationToken.ThrowIfCancellationRequested();
        WriteMatchingKey(Folder.Coordinator, key);
        CreateDataKey();
        DemoHostSettings.Write(Folder.Coordinator, DemoHostSettings.Coordinator(_agents.Select(agent => (agent.Name, agent.Address)), certificates, Kerngroep));
        CoordinatorHost = await DemoHost.StartCoordinatorAsync(Folder.Coordinator, verbose);
        progress.Step(DemoText.Format(DemoStrings.StepHostsStarted, _agents.Count, CoordinatorHost.Address.Port));

        _operator = Connect(certificates, DemoCertificates.InformationCoordinator);
        _member = Connect(certificates, DemoCertificates.CaseTeamMember);
    }

    /// <summary>Closes the client connections and stops the coordinator and then the agents; their listeners are closed when this returns.</summary>
    public async Task StopHostsAsync()
    {
        _operator?.Dispose();
        _member?.Dispose();
        _operator = null;
        _member = null;

        if (CoordinatorHost is not null)
        {
            await CoordinatorHost.StopAsync();
        }

        foreach (var agent in _agents)
        {
            await agent.StopAsync();
        }
    }

    /// <summary>Stops every host, disposes the signing keys and deletes the folder unless it is to be kept.</summary>
    /// <returns>Null when the folder is gone or kept; otherwise why it could not be deleted.</returns>
    public async Task<string?> ShutDownAsync()
    {
        if (_shutDown)
        {
            return null;
        }

        _shutDown = true;
        await StopHostsAsync();
        Kerngroep.Dispose();
        return _keepFolder ? null : Folder.TryDelete();
    }

    public async ValueTask DisposeAsync() => await ShutDownAsync();

    private static InvalidOperationException NotStarted() => new("The demo environment has not been started.");

    private static void WriteMatchingKey(string contentRoot, MatchingKey key)
    {
        var path = Path.Combine(contentRoot, MatchingKeyPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        MatchingKeyFile.Write(path, key);
    }

    /// <summary>
    /// Creates the key that encrypts personal data in the coordinator's database, as an
    /// installation does before the first start.
    /// </summary>
    private void CreateDataKey()
    {
        using var keys = DataKeyFile.Create(Path.Combine(Folder.Coordinator, DataKeyPath), TimeProvider.System);
    }

    private CoordinatorConnection Connect(DemoCertificates certificates, string client)
    {
        // Shown in connection error messages where a user's setting would name its option.
        const string origin = "gso demo";
        var settings = new CoordinatorSettings(
            CoordinatorHost!.Address,
            new SettingPath(certificates.ClientCertificatePath(client), origin),
            new SettingPath(certificates.ClientKeyPath(client), origin),
            CertificatePasswordFile: null,
            new SettingPath(certificates.CaPath, origin),
            CallTimeout,
            SettingsFile: null);
        return CoordinatorConnection.Open(settings, TimeProvider.System);
    }
}
