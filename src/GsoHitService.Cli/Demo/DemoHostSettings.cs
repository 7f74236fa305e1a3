using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GsoHitService.Sources.Configuration;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// Writes the <c>appsettings.json</c> of the demo's agents and coordinator: the same sections that
/// an administrator writes for a production host, with loopback endpoints on a free port and the
/// demo's certificates, roster and exports.
/// </summary>
internal static class DemoHostSettings
{
    /// <summary>Kestrel picks a free port for this endpoint; the host reports the port it got.</summary>
    private const string LoopbackEndpoint = "https://127.0.0.1:0";

    private static readonly JsonSerializerOptions SourceJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    /// <summary>The settings of the agent of <paramref name="department"/>.</summary>
    public static JsonObject Agent(string department, DepartmentSourcesOptions sources, DemoCertificates certificates, DemoKerngroep kerngroep) => new()
    {
        ["Server"] = Server(certificates, DemoCertificates.CoordinatorClient),
        ["Agent"] = new JsonObject
        {
            ["Department"] = department,
            ["DisplayName"] = $"Demo-afdeling {department}",
            ["MatchingKeyFile"] = DemoEnvironment.MatchingKeyPath,
            ["AuditLogPath"] = DemoEnvironment.AgentAuditLog,
            ["Decisions"] = new JsonObject
            {
                // TODO: Remove once the agent verifies signed decisions against its CoreTeam roster;
                // until then it refuses every query unless enforcement is off.
                ["Enforcement"] = "Off",
            },

            // The exports are written once and do not change while the demo runs.
            ["Index"] = new JsonObject { ["WatchSourceFiles"] = false },
            ["Sources"] = SourcesArray(sources),
        },
        ["CoreTeam"] = kerngroep.RosterSection(),
    };

    /// <summary>The coordinator's settings, with the agents' addresses.</summary>
    public static JsonObject Coordinator(IEnumerable<(string Department, Uri Address)> agents, DemoCertificates certificates, DemoKerngroep kerngroep)
    {
        var agentList = new JsonArray();
        foreach (var (department, address) in agents)
        {
            agentList.Add(new JsonObject { ["Department"] = department, ["Address"] = address.ToString() });
        }

        return new JsonObject
        {
            ["Server"] = Server(certificates, DemoCertificates.InformationCoordinator, DemoCertificates.CaseTeamMember),
            ["AgentClient"] = new JsonObject
            {
                ["Certificate"] = new JsonObject
                {
                    ["Path"] = certificates.ClientCertificatePath(DemoCertificates.CoordinatorClient),
                    ["KeyPath"] = certificates.ClientKeyPath(DemoCertificates.CoordinatorClient),
                },
                ["TrustedCaPath"] = certificates.CaPath,
            },
            ["Coordinator"] = new JsonObject
            {
                ["MatchingKeyFile"] = DemoEnvironment.MatchingKeyPath,
                ["AuditLogPath"] = DemoEnvironment.CoordinatorAuditLog,
                ["Store"] = new JsonObject
                {
                    ["Provider"] = "Sqlite",
                    ["DataFolder"] = "data",
                    ["DataKeyFile"] = DemoEnvironment.DataKeyPath,
                    ["CreateDataKeyIfMissing"] = false,
                },
                ["Agents"] = agentList,
            },
            ["CoreTeam"] = kerngroep.RosterSection(),
        };
    }

    /// <summary>Writes <paramref name="settings"/> as <c>appsettings.json</c> into <paramref name="contentRoot"/>.</summary>
    public static void Write(string contentRoot, JsonObject settings)
    {
        Directory.CreateDirectory(contentRoot);
        File.WriteAllText(Path.Combine(contentRoot, "appsettings.json"), settings.ToJsonString(FileJson));
    }

    private static JsonObject Server(DemoCertificates certificates, params string[] allowedClients) => new()
    {
        ["Endpoints"] = new JsonArray(LoopbackEndpoint),
        ["Certificate"] = new JsonObject { ["Path"] = certificates.ServerCertificatePath, ["KeyPath"] = certificates.ServerKeyPath },
        ["ClientCertificates"] = new JsonObject
        {
            ["TrustedCaPath"] = certificates.CaPath,
            ["AllowedSubjects"] = new JsonArray([.. allowedClients.Select(client => JsonValue.Create(client))]),
        },
    };

    /// <summary>
    /// Serialises the sources as configuration binding reads them back: enums by name, and unset
    /// values, empty lists and empty sections left out, so that they keep their defaults.
    /// </summary>
    private static JsonArray SourcesArray(DepartmentSourcesOptions sources)
    {
        var array = JsonSerializer.SerializeToNode(sources.Sources, SourceJson)!.AsArray();
        foreach (var source in array)
        {
            RemoveEmpty(source!);
        }

        return array;
    }

    private static void RemoveEmpty(JsonNode node)
    {
        if (node is JsonArray items)
        {
            foreach (var item in items)
            {
                RemoveEmpty(item!);
            }

            return;
        }

        if (node is not JsonObject section)
        {
            return;
        }

        foreach (var (name, value) in section.ToList())
        {
            if (value is not null)
            {
                RemoveEmpty(value);
            }

            if (value is JsonObject { Count: 0 } or JsonArray { Count: 0 })
            {
                section.Remove(name);
            }
        }
    }
}
