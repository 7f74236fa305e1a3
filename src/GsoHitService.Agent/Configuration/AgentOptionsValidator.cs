using System.Globalization;
using System.Text.RegularExpressions;
using GsoHitService.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Configuration;

/// <summary>
/// Checks the agent settings at start-up. Every failure names the setting, its value where that
/// is no secret, the file (or other source) it came from and the rule it broke.
/// </summary>
internal sealed partial class AgentOptionsValidator(IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<AgentOptions>
{
    /// <summary>Upper bound of <see cref="AgentLimitsOptions.MaxProbesPerRequest"/>: ten times the default.</summary>
    internal const int MaxProbesPerRequestLimit = 2_000_000;

    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();

        if (!DepartmentPattern().IsMatch(options.Department))
        {
            failures.Add(Describe("Department", options.Department, "must be a department code of 1 to 40 lower-case letters, digits and hyphens, for example \"brp\" or \"sociaal-domein\"."));
        }

        if (string.IsNullOrWhiteSpace(options.DisplayName))
        {
            failures.Add(Describe("DisplayName", options.DisplayName, "is required: the department name that users see, for example \"Basisregistratie Personen\"."));
        }

        ValidateKeyFile(options.MatchingKeyFile, failures);

        if (string.IsNullOrWhiteSpace(options.AuditLogPath))
        {
            failures.Add(Describe("AuditLogPath", options.AuditLogPath, "is required: the path of the agent's audit log, relative to the agent's folder or absolute."));
        }
        ValidateIndex(options.Index, failures);
        ValidateLimits(options.Limits, failures);

        if (string.IsNullOrWhiteSpace(options.Decisions.UseRecordPath))
        {
            failures.Add(Describe("Decisions:UseRecordPath", options.Decisions.UseRecordPath, "is required: the path of the record of used decisions, relative to the agent's folder or absolute."));
        }

        // Earlier versions could switch decision checks off. Refuse the setting rather than ignore
        // it, so that nobody believes an agent answers without a signed decision.
        if (configuration[$"{AgentOptions.SectionName}:Decisions:Enforcement"] is not null)
        {
            failures.Add(Describe("Decisions:Enforcement", configuration[$"{AgentOptions.SectionName}:Decisions:Enforcement"]!, "is no longer supported: every agent verifies the signed decision of each request. Remove the setting."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateKeyFile(string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(Describe("MatchingKeyFile", path, "is required: the path of the matching-key file, relative to the agent's folder or absolute."));
            return;
        }

        var fullPath = environment.ResolvePath(path);
        if (!File.Exists(fullPath))
        {
            failures.Add(Describe("MatchingKeyFile", path, $"points to {fullPath}, which does not exist. Copy the municipality's key file there or correct the path."));
        }
    }

    private void ValidateIndex(AgentIndexOptions index, List<string> failures)
    {
        if (index.RefreshInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add(Describe("Index:RefreshInterval", index.RefreshInterval, "must be at least 00:01:00 (one minute)."));
        }

        if (index.MaxAge <= index.RefreshInterval)
        {
            failures.Add(Describe("Index:MaxAge", index.MaxAge, $"must be longer than Agent:Index:RefreshInterval ({index.RefreshInterval}), or every index turns stale before the next reload."));
        }

        if (index.LoadTimeout <= TimeSpan.Zero)
        {
            failures.Add(Describe("Index:LoadTimeout", index.LoadTimeout, "must be positive, for example 01:00:00."));
        }

        if (index.FileChangeDelay < TimeSpan.Zero || index.FileChangeDelay > TimeSpan.FromHours(1))
        {
            failures.Add(Describe("Index:FileChangeDelay", index.FileChangeDelay, "must be between 00:00:00 and 01:00:00."));
        }
    }

    private void ValidateLimits(AgentLimitsOptions limits, List<string> failures)
    {
        if (limits.MaxProbesPerRequest is < 1 or > MaxProbesPerRequestLimit)
        {
            failures.Add(Describe("Limits:MaxProbesPerRequest", limits.MaxProbesPerRequest, $"must be between 1 and {MaxProbesPerRequestLimit}."));
        }

        if (limits.MaxProbesPerCaller < limits.MaxProbesPerRequest)
        {
            failures.Add(Describe("Limits:MaxProbesPerCaller", limits.MaxProbesPerCaller, $"must be at least Agent:Limits:MaxProbesPerRequest ({limits.MaxProbesPerRequest})."));
        }

        if (limits.QuotaWindow < TimeSpan.FromMinutes(1) || limits.QuotaWindow > TimeSpan.FromDays(31))
        {
            failures.Add(Describe("Limits:QuotaWindow", limits.QuotaWindow, "must be between 00:01:00 and 31.00:00:00."));
        }
    }

    private string Describe(string relativeKey, object? value, string rule)
    {
        var key = $"{AgentOptions.SectionName}:{relativeKey}";
        var shownValue = value switch
        {
            null => "empty",
            string text when text.Length == 0 => "empty",
            IFormattable formattable => $"\"{formattable.ToString(null, CultureInfo.InvariantCulture)}\"",
            _ => $"\"{value}\"",
        };

        return $"{key} is {shownValue} (set in {ConfigurationOrigin.Describe(configuration, key)}) but {rule}";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex DepartmentPattern();
}
