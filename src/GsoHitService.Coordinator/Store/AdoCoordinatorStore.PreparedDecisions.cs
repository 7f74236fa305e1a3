using System.Data.Common;
using System.Text.Json;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store.Encryption;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<PreparedDecision> RecordPreparedDecisionAsync(NewPreparedDecision decision, CancellationToken cancellationToken)
    {
        ValidateNewPreparedDecision(decision);

        var stored = new PreparedDecision(
            decision.Id,
            decision.Kind,
            decision.SignalId,
            decision.CaseId,
            decision.Scopes.Select(scope => scope with { SubjectIds = scope.SubjectIds.ToArray() }).ToArray(),
            decision.Payload.ToArray(),
            Now());

        return WriteAsync(
            async (connection, transaction) =>
            {
                await CheckDecisionReferencesAsync(connection, transaction, stored.Id, stored.SignalId, stored.CaseId, stored.Scopes, cancellationToken);
                await InsertPreparedDecisionAsync(connection, transaction, stored, decision.QueryPlan, cancellationToken);

                StoreLog.DecisionPrepared(Logger, stored.Kind, stored.Id, stored.SignalId, stored.Scopes.Count);
                return stored;
            },
            cancellationToken);
    }

    public Task<PreparedDecision?> GetPreparedDecisionAsync(DecisionId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, transaction) =>
            {
                await using var select = CreateCommand(
                    connection,
                    transaction,
                    "SELECT kind, signal_id, case_id, scopes, payload, prepared_at FROM prepared_decisions WHERE decision_id = @decision_id");
                select.With("@decision_id", id.Value);

                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                return new PreparedDecision(
                    id,
                    (DecisionKind)reader.GetInt32(0),
                    new SignalId(reader.GetString(1)),
                    reader.GetNullableString(2) is { } caseId ? new CaseId(caseId) : null,
                    ReadScopes(reader.GetString(3)),
                    reader.GetBytes(4),
                    ReadTimestamp(reader, 5));
            },
            cancellationToken);

    private static void ValidateNewPreparedDecision(NewPreparedDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        InputRules.RequireDefined(decision.Kind, "decision kind");

        if ((decision.Kind == DecisionKind.PrivacyCheck1) != (decision.CaseId is null))
        {
            throw new ArgumentException("A privacy check 2 decision names a case and a privacy check 1 decision does not.", nameof(decision));
        }

        ArgumentNullException.ThrowIfNull(decision.Scopes, "scopes");
        foreach (var scope in decision.Scopes)
        {
            ArgumentNullException.ThrowIfNull(scope, "scope");
            InputRules.RequireText(scope.Department, "department");
            ArgumentNullException.ThrowIfNull(scope.SubjectIds, "subject ids");
            if (scope.SubjectIds.Count == 0 || scope.SubjectIds.Distinct().Count() != scope.SubjectIds.Count)
            {
                throw new ArgumentException("Each department of a decision needs one or more distinct subjects.", "subject ids");
            }
        }

        InputRules.RequireDistinctNames(decision.Scopes.Select(scope => scope.Department).ToArray(), "department", allowEmpty: false);

        ArgumentNullException.ThrowIfNull(decision.Payload, "payload");
        if (decision.Payload.Length == 0)
        {
            throw new ArgumentException("A prepared decision needs its payload.", "payload");
        }

        if (decision.QueryPlan is not null && decision.Kind != DecisionKind.PrivacyCheck1)
        {
            throw new ArgumentException("Only a privacy check 1 decision has a query plan.", "query plan");
        }
    }

    public Task<byte[]?> GetQueryPlanAsync(DecisionId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, transaction) =>
            {
                await using var select = CreateCommand(connection, transaction, "SELECT query_plan FROM prepared_decisions WHERE decision_id = @decision_id");
                select.With("@decision_id", id.Value);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
                {
                    return null;
                }

                return _cipher.Decrypt(reader.GetBytes(0), QueryPlanBinding(id));
            },
            cancellationToken);

    private static CiphertextBinding QueryPlanBinding(DecisionId id) => new("prepared_decisions", "query_plan", id.Value);

    private async Task InsertPreparedDecisionAsync(
        DbConnection connection,
        DbTransaction transaction,
        PreparedDecision decision,
        byte[]? queryPlan,
        CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO prepared_decisions (decision_id, kind, signal_id, case_id, scopes, payload, query_plan, prepared_at)
                VALUES (@decision_id, @kind, @signal_id, @case_id, @scopes, @payload, @query_plan, @prepared_at)
                """,
                cancellationToken,
                ("@decision_id", decision.Id.Value),
                ("@kind", (int)decision.Kind),
                ("@signal_id", decision.SignalId.Value),
                ("@case_id", decision.CaseId?.Value),
                ("@scopes", WriteScopes(decision.Scopes)),
                ("@payload", decision.Payload),
                ("@query_plan", queryPlan is null ? null : _cipher.Encrypt(queryPlan, QueryPlanBinding(decision.Id))),
                ("@prepared_at", ToTimestampParameter(decision.PreparedAt)));
        }
        catch (DbException exception) when (ClassifyViolation(exception) == ConstraintViolation.Unique)
        {
            throw new CoordinatorStoreException(StoreError.AlreadyExists, $"Decision {decision.Id} is already prepared.", exception);
        }
    }

    private static string WriteScopes(IReadOnlyList<DecisionScope> scopes) =>
        JsonSerializer.Serialize(scopes.Select(scope => new StoredScope(scope.Department, scope.SubjectIds.Select(id => id.Value).ToArray())));

    private static DecisionScope[] ReadScopes(string json) =>
        JsonSerializer.Deserialize<StoredScope[]>(json)!
            .Select(scope => new DecisionScope(scope.Department, scope.Subjects.Select(id => new SubjectId(id)).ToArray()))
            .ToArray();

    /// <summary>The JSON form of one scope in the <c>scopes</c> column.</summary>
    private sealed record StoredScope(
        [property: System.Text.Json.Serialization.JsonPropertyName("department")] string Department,
        [property: System.Text.Json.Serialization.JsonPropertyName("subjects")] string[] Subjects);
}
