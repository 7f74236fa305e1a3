using System.Text.Encodings.Web;
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

    // The relaxed encoder keeps '+' in base64 keys and letters such as 'ö' readable; the file is
    // configuration, never embedded in HTML.
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
    /// Serialises the sources as configuration binding reads them back, with enums by name. Values
    /// equal to the option classes' defaults are left out, because binding keeps the default for a
    /// missing key, so the file shows only what the demo sets.
    /// </summary>
    private static JsonArray SourcesArray(DepartmentSourcesOptions sources)
    {
        var array = JsonSerializer.SerializeToNode(sources.Sources, SourceJson)!.AsArray();
        foreach (var source in array)
        {
            RemoveDefaults(source!.AsObject(), typeof(SourceOptions));
        }

        return array;
    }

    private static void RemoveDefaults(JsonObject section, Type optionsType)
    {
        var defaults = JsonSerializer.SerializeToNode(Activator.CreateInstance(optionsType), optionsType, SourceJson)!.AsObject();
        foreach (var (name, value) in section.ToList())
        {
            var propertyType = optionsType.GetProperty(name)?.PropertyType;
            if (value is JsonObject child && OptionsClass(propertyType) is { } childType)
            {
                RemoveDefaults(child, childType);
            }
            else if (value is JsonArray items && ListItemType(propertyType) is { } itemType && OptionsClass(itemType) is not null)
            {
                foreach (var item in items)
                {
                    RemoveDefaults(item!.AsObject(), itemType);
                }
            }

            var isDefault = defaults.TryGetPropertyValue(name, out var defaultValue) && JsonNode.DeepEquals(value, defaultValue);
            if (value is null || isDefault || value is JsonObject { Count: 0 } or JsonArray { Count: 0 })
            {
                section.Remove(name);
            }
        }
    }

    /// <summary>Returns the type when it is one of the source option classes, which have a parameterless constructor.</summary>
    private static Type? OptionsClass(Type? type) =>
        type is { IsClass: true } && type.Namespace == typeof(SourceOptions).Namespace ? type : null;

    private static Type? ListItemType(Type? type) =>
        type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}
