namespace GsoHitService.Agent.Indexing;

/// <summary>State of the agent's index, as reported in agent information and health checks.</summary>
internal enum IndexState
{
    /// <summary>No index loaded yet; the first load is running.</summary>
    Loading,

    /// <summary>An index is loaded and younger than the configured maximum age.</summary>
    Ready,

    /// <summary>The last load failed; no index is used until a load succeeds.</summary>
    Failed,

    /// <summary>An index is loaded but older than the configured maximum age, so it is not used.</summary>
    Stale,
}
