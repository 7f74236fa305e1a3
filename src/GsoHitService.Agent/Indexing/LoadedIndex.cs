using GsoHitService.Sources;

namespace GsoHitService.Agent.Indexing;

/// <summary>The result of one successful load.</summary>
/// <param name="Index">The new index.</param>
/// <param name="LoadedAt">When the load finished.</param>
/// <param name="Duration">How long the load took.</param>
/// <param name="Reports">The import report of each source, in configuration order.</param>
internal sealed record LoadedIndex(
    TokenIndex Index,
    DateTimeOffset LoadedAt,
    TimeSpan Duration,
    IReadOnlyList<ImportReport> Reports);
