using System.Data.Common;
using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<Case?> GetCaseAsync(CaseId id, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => LoadCaseAsync(connection, transaction, "case_id = @key", id.Value, cancellationToken), cancellationToken);

    public Task<Case?> GetCaseForSignalAsync(SignalId signalId, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => LoadCaseAsync(connection, transaction, "signal_id = @key", signalId.Value, cancellationToken), cancellationToken);

    /// <summary>Loads the case that matches a filter on the cases table with parameter <c>@key</c>.</summary>
    private async Task<Case?> LoadCaseAsync(
        DbConnection connection,
        DbTransaction transaction,
        string filter,
        string key,
        CancellationToken cancellationToken)
    {
        await using var select = CreateCommand(
            connection,
            transaction,
            $"SELECT case_id, signal_id, opened_by_query_id, opened_at FROM cases WHERE {filter}");
        select.With("@key", key);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Case(
            new CaseId(reader.GetString(0)),
            new SignalId(reader.GetString(1)),
            new HitQueryId(reader.GetString(2)),
            ReadTimestamp(reader, 3));
    }
}
