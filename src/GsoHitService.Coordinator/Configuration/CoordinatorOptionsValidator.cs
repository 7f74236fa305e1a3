using System.Globalization;
using System.Text.RegularExpressions;
using GsoHitService.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Configuration;

/// <summary>
/// Checks the coordinator settings at start-up. Every failure names the setting, its value and
/// the rule it broke; none of these settings is a secret.
/// </summary>
internal sealed partial class CoordinatorOptionsValidator(IHostEnvironment environment) : IValidateOptions<CoordinatorOptions>
{
    /// <summary>Largest <see cref="CoordinatorQueryOptions.ScreeningChunkTokens"/>: 100,000 tokens are 3.2 MB, below the 4 MiB message limit.</summary>
    internal const int MaxScreeningChunkTokens = 100_000;

    internal const int MaxResultPageSize = 10_000;

    public ValidateOptionsResult Validate(string? name, CoordinatorOptions options)
    {
        var failures = new List<string>();

        ValidateKeyFile(options.MatchingKeyFile, failures);
        if (string.IsNullOrWhiteSpace(options.AuditLogPath))
        {
            failures.Add(Describe("AuditLogPath", options.AuditLogPath, "is required: the path of the coordinator's audit log, relative to the coordinator's folder or absolute."));
        }

        ValidateAgents(options.Agents, failures);
        ValidateQueries(options.Queries, failures);

        var validity = options.Decisions.DefaultValidity;
        if (validity < TimeSpan.FromHours(1) || validity > TimeSpan.FromDays(366))
        {
            failures.Add(Describe("Decisions:DefaultValidity", validity, "must be between 01:00:00 (one hour) and 366.00:00:00 (366 days)."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Checks a department code: 1 to 40 lower-case letters, digits and hyphens, as agents require.</summary>
    internal static bool IsDepartmentCode(string? value) => value is not null && DepartmentPattern().IsMatch(value);

    private void ValidateKeyFile(string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(Describe("MatchingKeyFile", path, "is required: the path of the matching-key file, relative to the coordinator's folder or absolute."));
            return;
        }

        var fullPath = environment.ResolvePath(path);
        if (!File.Exists(fullPath))
        {
            failures.Add(Describe("MatchingKeyFile", path, $"points to {fullPath}, which does not exist. Copy the municipality's key file there or correct the path."));
        }
    }

    private static void ValidateAgents(List<AgentEndpointOptions> agents, List<string> failures)
    {
        if (agents.Count == 0)
        {
            failures.Add($"{SectionPrefix}Agents is empty: configure at least one agent with its Department and Address.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Agents:{i}:");
            if (!IsDepartmentCode(agent.Department))
            {
                failures.Add(Describe(prefix + "Department", agent.Department, "must be a department code of 1 to 40 lower-case letters, digits and hyphens, for example \"brp\"."));
            }
            else if (!seen.Add(agent.Department))
            {
                failures.Add(Describe(prefix + "Department", agent.Department, "appears more than once; configure each department's agent once."));
            }

            if (!Uri.TryCreate(agent.Address, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps
                || address.AbsolutePath != "/" || !string.IsNullOrEmpty(address.Query))
            {
                failures.Add(Describe(prefix + "Address", agent.Address, "must be an https://HOST:PORT address without a path; plaintext http:// is not allowed."));
            }

            if (agent.ServerName is not null && string.IsNullOrWhiteSpace(agent.ServerName))
            {
                failures.Add(Describe(prefix + "ServerName", agent.ServerName, "must be a DNS name or IP address, or be left out."));
            }
        }
    }

    private static void ValidateQueries(CoordinatorQueryOptions queries, List<string> failures)
    {
        CheckDeadline("Queries:AgentDeadline", queries.AgentDeadline, TimeSpan.FromMinutes(30), failures);
        CheckDeadline("Queries:AgentInfoDeadline", queries.AgentInfoDeadline, TimeSpan.FromMinutes(5), failures);
        CheckDeadline("Queries:ContentReleaseDeadline", queries.ContentReleaseDeadline, TimeSpan.FromMinutes(30), failures);

        if (queries.ScreeningChunkTokens is < 1 or > MaxScreeningChunkTokens)
        {
            failures.Add(Describe("Queries:ScreeningChunkTokens", queries.ScreeningChunkTokens, $"must be between 1 and {MaxScreeningChunkTokens}, so that each message stays below the 4 MiB limit."));
        }

        if (queries.MaxInteractiveTokens < 1 || queries.MaxInteractiveTokens > Math.Max(1, queries.ScreeningChunkTokens))
        {
            failures.Add(Describe("Queries:MaxInteractiveTokens", queries.MaxInteractiveTokens, "must be between 1 and Coordinator:Queries:ScreeningChunkTokens."));
        }

        if (queries.ResultPageSize is < 1 or > MaxResultPageSize)
        {
            failures.Add(Describe("Queries:ResultPageSize", queries.ResultPageSize, $"must be between 1 and {MaxResultPageSize}."));
        }
    }

    private static void CheckDeadline(string setting, TimeSpan value, TimeSpan maximum, List<string> failures)
    {
        if (value < TimeSpan.FromSeconds(1) || value > maximum)
        {
            failures.Add(Describe(setting, value, $"must be between 00:00:01 (one second) and {maximum:c}."));
        }
    }

    private const string SectionPrefix = CoordinatorOptions.SectionName + ":";

    private static string Describe(string setting, object? value, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{SectionPrefix}{setting} = \"{value}\" {rule}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex DepartmentPattern();
}
