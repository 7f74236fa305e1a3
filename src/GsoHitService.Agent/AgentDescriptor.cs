using System.Reflection;
using GsoHitService.Agent.Queries;

namespace GsoHitService.Agent;

/// <summary>The facts about this agent that callers see in agent information.</summary>
/// <param name="Department">Department code, for example <c>brp</c>.</param>
/// <param name="DisplayName">Department name for users (Dutch).</param>
/// <param name="Context">Token scheme, normaliser profile and key epoch that queries must match.</param>
internal sealed record AgentDescriptor(string Department, string DisplayName, AgentMatchContext Context)
{
    /// <summary>Informational version of the agent assembly, without source-revision suffix.</summary>
    public static string SoftwareVersion { get; } = GetSoftwareVersion();

    private static string GetSoftwareVersion()
    {
        var version = typeof(AgentDescriptor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
