using Grpc.Core;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Queries;

/// <summary>
/// Fetches the rest of a paged hit query result, so that the matrix shows every subject. A large
/// result does not fit one gRPC message, so the coordinator returns the subjects in pages.
/// </summary>
internal static class HitQueryPages
{
    // Bounds the loop when a coordinator keeps returning a page token; no real result has this many pages.
    private const int MaxPages = 10_000;

    public static Task<HitQueryResult> CompleteAsync(HitQueryResult first, CoordinatorCommandContext context) =>
        CompleteAsync(first, context.Client, context.CallOptions);

    /// <param name="first">The first page, as RunHitQuery or GetHitQueryResult returned it.</param>
    /// <param name="client">The client that fetches the next pages.</param>
    /// <param name="callOptions">Returns the options of one call, with a fresh deadline.</param>
    public static async Task<HitQueryResult> CompleteAsync(HitQueryResult first, Protocol.V1.Coordinator.CoordinatorClient client, Func<CallOptions> callOptions)
    {
        var result = first.Clone();
        var pageToken = first.NextPageToken;
        for (var page = 1; pageToken.Length > 0 && page < MaxPages; page++)
        {
            var request = new GetHitQueryResultRequest { QueryId = first.QueryId, PageToken = pageToken };
            var next = await client.GetHitQueryResultAsync(request, callOptions());
            result.Subjects.AddRange(next.Subjects);
            pageToken = next.NextPageToken;
        }

        result.NextPageToken = "";
        return result;
    }
}
