namespace GsoHitService.Agent.Queries;

/// <summary>The answers to one request.</summary>
/// <param name="Groups">The probe groups in request order.</param>
/// <param name="Answers">One answer per token, in the order of the groups and their tokens.</param>
/// <param name="ChunkGroupCounts">Probe groups per request message, so that a screening reply can follow the request's chunks.</param>
/// <param name="IndexLoadedAt">When the index that answered was loaded; null when no index answered.</param>
/// <param name="Counts">Answer counts.</param>
internal sealed record QueryAnswers(
    IReadOnlyList<ProbeGroup> Groups,
    ProbeAnswer[] Answers,
    IReadOnlyList<int> ChunkGroupCounts,
    DateTimeOffset? IndexLoadedAt,
    ProbeAnswerCounts Counts);
