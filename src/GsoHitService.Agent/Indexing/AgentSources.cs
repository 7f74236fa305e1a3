using System.Collections.Frozen;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// The configured sources of this department and what follows from them: the identifier types
/// the agent holds and the files whose change starts a reload.
/// </summary>
internal sealed class AgentSources
{
    public AgentSources(IReadOnlyList<IDepartmentSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);

        Sources = sources;
        HeldTypes = sources.SelectMany(source => source.IdentifierTypes).ToFrozenSet();
        WatchedFiles = sources
            .SelectMany(source => source.WatchedFiles)
            .Select(path => Path.GetFullPath(path))
            .Distinct(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<IDepartmentSource> Sources { get; }

    /// <summary>Identifier types that at least one source indexes; any other type is answered "not held".</summary>
    public FrozenSet<IdentifierType> HeldTypes { get; }

    /// <summary>Full paths of the source files to watch for changes.</summary>
    public IReadOnlyList<string> WatchedFiles { get; }
}
