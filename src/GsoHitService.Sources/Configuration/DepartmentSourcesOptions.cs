namespace GsoHitService.Sources.Configuration;

/// <summary>The sources of one agent; bound from the agent's configuration section (by default <c>Agent</c>).</summary>
public sealed class DepartmentSourcesOptions
{
    /// <summary>Name of the configuration section that this class binds to by default.</summary>
    public const string DefaultSectionPath = "Agent";

    public List<SourceOptions> Sources { get; set; } = [];
}
