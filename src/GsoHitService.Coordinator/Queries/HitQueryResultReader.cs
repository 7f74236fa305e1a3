using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Protocol;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Queries;

/// <summary>Reads one page of a hit query's result from the store.</summary>
internal sealed class HitQueryResultReader(ICoordinatorStore store)
{
    /// <summary>Shows a query that was just run, with the plan and subject ids the run already loaded.</summary>
    public Task<Proto.HitQueryResult> ReadAsync(HitQueryRun run, int firstSubject, int pageSize, CancellationToken cancellationToken) =>
        HitQueryResultView.BuildAsync(run.Query, run.Plan, run.Subjects, LabelReader(run.Query.SignalId), firstSubject, pageSize, cancellationToken);

    /// <exception cref="RequestRefusedException">The query does not exist.</exception>
    public async Task<Proto.HitQueryResult> ReadAsync(HitQueryId queryId, int firstSubject, int pageSize, CancellationToken cancellationToken)
    {
        var query = await store.GetHitQueryAsync(queryId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonQueryNotFound, $"Hit query {queryId} does not exist.");
        var subjects = await store.GetSubjectIdsAsync(query.SignalId, cancellationToken)
            ?? throw new InvalidOperationException($"Signal {query.SignalId} of hit query {queryId} is missing from the store.");
        var bytes = await store.GetQueryPlanAsync(query.DecisionId, cancellationToken)
            ?? throw new InvalidOperationException($"Decision {query.DecisionId} of hit query {queryId} has no query plan in the store.");

        PreparedQueryPlan plan;
        try
        {
            plan = PreparedQueryPlan.Deserialize(bytes);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }

        return await HitQueryResultView.BuildAsync(query, plan, subjects, LabelReader(query.SignalId), firstSubject, pageSize, cancellationToken);
    }

    private HitQueryResultView.LabelReader LabelReader(SignalId signalId) =>
        (first, last, cancellationToken) => store.GetSubjectLabelsAsync(signalId, first, last, cancellationToken);
}
