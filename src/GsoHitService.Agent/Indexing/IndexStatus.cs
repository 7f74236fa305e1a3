namespace GsoHitService.Agent.Indexing;

/// <summary>
/// One consistent view of the index: its state, the index itself when it may answer queries,
/// and the facts that agent information reports. Immutable, so that a query that read it once
/// answers every probe from the same index even when a reload swaps in a new one meanwhile.
/// </summary>
/// <param name="State">The index state.</param>
/// <param name="Index">The index that answers queries; set only when <paramref name="State"/> is <see cref="IndexState.Ready"/>.</param>
/// <param name="LastSuccessfulLoad">End of the last load that succeeded, also after a later failure; null before the first.</param>
/// <param name="UnavailableReason">Why queries are answered unavailable, for operators; null when ready. Contains no identifiers.</param>
internal sealed record IndexStatus(
    IndexState State,
    TokenIndex? Index,
    DateTimeOffset? LastSuccessfulLoad,
    string? UnavailableReason)
{
    /// <summary>Number of tokens in the index that answers queries; 0 when none does.</summary>
    public long TokenCount => Index?.Count ?? 0;

    /// <summary>The status before the first load has finished.</summary>
    public static IndexStatus FirstLoadRunning { get; } =
        new(IndexState.Loading, null, null, "The first index load is running.");

    public static IndexStatus Loaded(TokenIndex index, DateTimeOffset loadedAt) =>
        new(IndexState.Ready, index, loadedAt, null);

    public static IndexStatus LoadFailed(string reason, DateTimeOffset? lastSuccessfulLoad) =>
        new(IndexState.Failed, null, lastSuccessfulLoad, reason);

    /// <summary>
    /// Returns this status, or a stale one without index when the index was loaded longer than
    /// <paramref name="maxAge"/> ago: old data could give a false "no hit", so they answer nothing.
    /// </summary>
    public IndexStatus AsOf(DateTimeOffset now, TimeSpan maxAge)
    {
        if (State != IndexState.Ready || LastSuccessfulLoad is not { } loadedAt || now - loadedAt <= maxAge)
        {
            return this;
        }

        var reason = $"The index was loaded at {loadedAt:u}, longer ago than the maximum age of {maxAge} (Agent:Index:MaxAge); the reloads since then did not finish.";
        return new IndexStatus(IndexState.Stale, null, loadedAt, reason);
    }
}
