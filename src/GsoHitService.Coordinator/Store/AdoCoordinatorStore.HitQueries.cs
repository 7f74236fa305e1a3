using System.Data.Common;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<HitQuery> StartHitQueryAsync(NewHitQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        InputRules.RequireDistinctNames(query.Departments, "department", allowEmpty: false);

        var started = new HitQuery(
            HitQueryId.New(),
            query.SignalId,
            query.DecisionId,
            query.RepeatOf,
            query.Departments.ToArray(),
            HitQueryState.InProgress,
            Now(),
            null,
            [],
            [],
            null);

        return WriteAsync(
            async (connection, transaction) =>
            {
                await CheckQueryReferencesAsync(connection, transaction, started, cancellationToken);
                await InsertStartedQueryAsync(connection, transaction, started, cancellationToken);

                StoreLog.HitQueryStarted(Logger, started.Id, started.SignalId, started.DecisionId, started.RequestedDepartments.Count);
                return started;
            },
            cancellationToken);
    }

    public Task<HitQuery> CompleteHitQueryAsync(HitQueryId id, HitQueryCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(completion.Departments, "departments");
        ArgumentNullException.ThrowIfNull(completion.Answers, "answers");

        return WriteAsync(
            async (connection, transaction) =>
            {
                var query = await LoadHitQueryAsync(connection, transaction, id, cancellationToken)
                    ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Hit query {id} does not exist.");

                if (query.State != HitQueryState.InProgress)
                {
                    throw new CoordinatorStoreException(
                        StoreError.InvalidState,
                        $"Hit query {id} is {query.State}, so it cannot be completed. Start a new query to ask again.");
                }

                ValidateCompletion(query, completion);

                var endedAt = Now();
                await MarkCompletedAsync(connection, transaction, query.Id, endedAt, cancellationToken);
                await RecordOutcomesAsync(connection, transaction, query, completion, cancellationToken);
                await OpenCaseIfHitAsync(connection, transaction, query, completion, endedAt, cancellationToken);

                var completed = await LoadHitQueryAsync(connection, transaction, id, cancellationToken);
                StoreLog.HitQueryCompleted(
                    Logger,
                    id,
                    completion.Departments.Count(outcome => outcome.Outcome == DepartmentOutcome.Answered),
                    completion.Departments.Count,
                    completion.Answers.Count(answer => answer.Answer == HitAnswer.Hit));
                return completed!;
            },
            cancellationToken);
    }

    public async Task<int> InterruptUnfinishedHitQueriesAsync(CancellationToken cancellationToken)
    {
        var count = await WriteAsync(
            (connection, transaction) => ExecuteAsync(
                connection,
                transaction,
                "UPDATE hit_queries SET state = @interrupted, ended_at = @ended_at WHERE state = @in_progress",
                cancellationToken,
                ("@interrupted", (int)HitQueryState.Interrupted),
                ("@ended_at", ToTimestampParameter(Now())),
                ("@in_progress", (int)HitQueryState.InProgress)),
            cancellationToken);

        if (count > 0)
        {
            StoreLog.HitQueriesInterrupted(Logger, count);
        }

        return count;
    }

    public Task<HitQuery?> GetHitQueryAsync(HitQueryId id, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => LoadHitQueryAsync(connection, transaction, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<HitQueryId>> ListHitQueryIdsAsync(SignalId signalId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<HitQueryId>>(
            async (connection, transaction) =>
            {
                var ids = new List<HitQueryId>();
                await using var select = CreateCommand(
                    connection,
                    transaction,
                    "SELECT query_id FROM hit_queries WHERE signal_id = @signal_id ORDER BY started_at, query_id");
                select.With("@signal_id", signalId.Value);

                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(new HitQueryId(reader.GetString(0)));
                }

                return ids;
            },
            cancellationToken);

    private async Task CheckQueryReferencesAsync(DbConnection connection, DbTransaction transaction, HitQuery query, CancellationToken cancellationToken)
    {
        var decision = (await LoadDecisionsAsync(connection, transaction, "d.decision_id = @key", query.DecisionId.Value, cancellationToken))
            .SingleOrDefault()
            ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Decision {query.DecisionId} does not exist.");

        if (decision.Kind != DecisionKind.PrivacyCheck1 || decision.SignalId != query.SignalId)
        {
            throw new CoordinatorStoreException(
                StoreError.InvalidState,
                $"Decision {decision.Id} is not a privacy check 1 decision of signal {query.SignalId}, so it does not allow this hit query.");
        }

        var approved = decision.Departments.ToHashSet(StringComparer.Ordinal);
        foreach (var department in query.RequestedDepartments)
        {
            if (!approved.Contains(department))
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"Department '{department}' is not named by decision {decision.Id}, so it may not be asked.");
            }
        }

        if (query.RepeatOf is { } repeatOf)
        {
            var earlier = await LoadHitQueryAsync(connection, transaction, repeatOf, cancellationToken)
                ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Hit query {repeatOf} to repeat does not exist.");

            if (earlier.SignalId != query.SignalId)
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"Hit query {repeatOf} belongs to signal {earlier.SignalId}, so a query of signal {query.SignalId} cannot repeat it.");
            }
        }
    }

    private async Task InsertStartedQueryAsync(DbConnection connection, DbTransaction transaction, HitQuery query, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO hit_queries (query_id, signal_id, decision_id, repeat_of_query_id, state, started_at)
            VALUES (@query_id, @signal_id, @decision_id, @repeat_of_query_id, @state, @started_at)
            """,
            cancellationToken,
            ("@query_id", query.Id.Value),
            ("@signal_id", query.SignalId.Value),
            ("@decision_id", query.DecisionId.Value),
            ("@repeat_of_query_id", query.RepeatOf?.Value),
            ("@state", (int)HitQueryState.InProgress),
            ("@started_at", ToTimestampParameter(query.StartedAt)));

        for (var position = 0; position < query.RequestedDepartments.Count; position++)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO hit_query_departments (query_id, department, position) VALUES (@query_id, @department, @position)",
                cancellationToken,
                ("@query_id", query.Id.Value),
                ("@department", query.RequestedDepartments[position]),
                ("@position", position));
        }
    }

    /// <summary>
    /// Checks a completion against the query. A department that did not answer may only report
    /// <see cref="HitAnswer.Unavailable"/>, because a failure must never be stored as "no hit".
    /// </summary>
    private static void ValidateCompletion(HitQuery query, HitQueryCompletion completion)
    {
        var requested = query.RequestedDepartments.ToHashSet(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, DepartmentOutcome>(StringComparer.Ordinal);

        foreach (var outcome in completion.Departments)
        {
            ArgumentNullException.ThrowIfNull(outcome, "department outcome");
            InputRules.RequireDefined(outcome.Outcome, "department outcome");

            if (outcome.Department is null || !requested.Contains(outcome.Department))
            {
                throw new ArgumentException($"Hit query {query.Id} did not ask department '{outcome.Department}'.", "departments");
            }

            if (!outcomes.TryAdd(outcome.Department, outcome.Outcome))
            {
                throw new ArgumentException($"Department '{outcome.Department}' has more than one outcome.", "departments");
            }

            if (outcome.Outcome == DepartmentOutcome.Answered)
            {
                InputRules.RequireOptionalText(outcome.Reason ?? string.Empty, "outcome reason", InputRules.MaxLongTextLength);
            }
            else
            {
                InputRules.RequireText(outcome.Reason, $"reason for outcome {outcome.Outcome}", InputRules.MaxLongTextLength);
            }
        }

        var missing = query.RequestedDepartments.Where(department => !outcomes.ContainsKey(department)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"Hit query {query.Id} has no outcome for department(s) {string.Join(", ", missing)}; every asked department needs one.",
                "departments");
        }

        var seen = new HashSet<(SubjectId, string, IdentifierType)>();
        foreach (var answer in completion.Answers)
        {
            ArgumentNullException.ThrowIfNull(answer, "answer");
            InputRules.RequireDefined(answer.Answer, "hit answer");
            InputRules.RequireDefined(answer.IdentifierType, "identifier type");

            if (answer.Department is null || !outcomes.TryGetValue(answer.Department, out var outcome))
            {
                throw new ArgumentException($"An answer names department '{answer.Department}', which is not a department of hit query {query.Id}.", "answers");
            }

            if (outcome != DepartmentOutcome.Answered && answer.Answer != HitAnswer.Unavailable)
            {
                throw new ArgumentException(
                    $"Department '{answer.Department}' has outcome {outcome}, so its answers can only be {HitAnswer.Unavailable}, not {answer.Answer}.",
                    "answers");
            }

            if (!seen.Add((answer.SubjectId, answer.Department, answer.IdentifierType)))
            {
                throw new ArgumentException(
                    $"Department '{answer.Department}' has more than one answer for subject {answer.SubjectId} and identifier type " +
                    $"{IdentifierTypes.ToName(answer.IdentifierType)}.",
                    "answers");
            }
        }
    }

    private async Task RecordOutcomesAsync(
        DbConnection connection,
        DbTransaction transaction,
        HitQuery query,
        HitQueryCompletion completion,
        CancellationToken cancellationToken)
    {
        foreach (var outcome in completion.Departments)
        {
            await ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE hit_query_departments SET outcome = @outcome, reason = @reason, index_loaded_at = @index_loaded_at
                WHERE query_id = @query_id AND department = @department
                """,
                cancellationToken,
                ("@outcome", (int)outcome.Outcome),
                ("@reason", string.IsNullOrEmpty(outcome.Reason) ? null : outcome.Reason),
                ("@index_loaded_at", ToTimestampParameter(Truncate(outcome.IndexLoadedAt))),
                ("@query_id", query.Id.Value),
                ("@department", outcome.Department));
        }

        foreach (var answer in completion.Answers)
        {
            try
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO hit_query_answers (query_id, signal_id, subject_id, department, identifier_type, answer)
                    VALUES (@query_id, @signal_id, @subject_id, @department, @identifier_type, @answer)
                    """,
                    cancellationToken,
                    ("@query_id", query.Id.Value),
                    ("@signal_id", query.SignalId.Value),
                    ("@subject_id", answer.SubjectId.Value),
                    ("@department", answer.Department),
                    ("@identifier_type", (int)answer.IdentifierType),
                    ("@answer", (int)answer.Answer));
            }
            catch (DbException exception) when (ClassifyViolation(exception) == ConstraintViolation.ForeignKey)
            {
                // Departments were checked above, so the subject is the only reference that can be wrong.
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"An answer of hit query {query.Id} names subject {answer.SubjectId}, which is not a subject of signal " +
                    $"{query.SignalId}. Nothing of the result was recorded.",
                    exception);
            }
        }
    }

    /// <summary>
    /// Opens the signal's case when an answer is a hit and the signal has none yet, and links the
    /// query to the case. <c>ON CONFLICT DO NOTHING</c> keeps one case per signal when two queries
    /// complete at once.
    /// </summary>
    private async Task OpenCaseIfHitAsync(
        DbConnection connection,
        DbTransaction transaction,
        HitQuery query,
        HitQueryCompletion completion,
        DateTimeOffset openedAt,
        CancellationToken cancellationToken)
    {
        if (!completion.Answers.Any(answer => answer.Answer == HitAnswer.Hit))
        {
            return;
        }

        var inserted = await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO cases (case_id, signal_id, opened_by_query_id, opened_at)
            VALUES (@case_id, @signal_id, @query_id, @opened_at)
            ON CONFLICT (signal_id) DO NOTHING
            """,
            cancellationToken,
            ("@case_id", CaseId.New().Value),
            ("@signal_id", query.SignalId.Value),
            ("@query_id", query.Id.Value),
            ("@opened_at", ToTimestampParameter(openedAt)));

        var @case = (await LoadCaseAsync(connection, transaction, "signal_id = @key", query.SignalId.Value, cancellationToken))!;
        if (inserted == 1)
        {
            StoreLog.CaseOpened(Logger, @case.Id, query.SignalId, query.Id);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE hit_queries SET case_id = @case_id WHERE query_id = @query_id",
            cancellationToken,
            ("@case_id", @case.Id.Value),
            ("@query_id", query.Id.Value));
    }

    /// <summary>
    /// Moves the query from in progress to completed as the first write of the completion. The
    /// update locks the query's row, so a concurrent completion waits, then finds the query no
    /// longer in progress and fails before it writes anything.
    /// </summary>
    private async Task MarkCompletedAsync(
        DbConnection connection,
        DbTransaction transaction,
        HitQueryId id,
        DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        var updated = await ExecuteAsync(
            connection,
            transaction,
            """
            UPDATE hit_queries SET state = @completed, ended_at = @ended_at
            WHERE query_id = @query_id AND state = @in_progress
            """,
            cancellationToken,
            ("@completed", (int)HitQueryState.Completed),
            ("@ended_at", ToTimestampParameter(endedAt)),
            ("@query_id", id.Value),
            ("@in_progress", (int)HitQueryState.InProgress));

        if (updated != 1)
        {
            throw new CoordinatorStoreException(StoreError.InvalidState, $"Hit query {id} is no longer in progress, so it cannot be completed.");
        }
    }

    private async Task<HitQuery?> LoadHitQueryAsync(DbConnection connection, DbTransaction transaction, HitQueryId id, CancellationToken cancellationToken)
    {
        HitQuery query;
        await using (var select = CreateCommand(
            connection,
            transaction,
            """
            SELECT signal_id, decision_id, repeat_of_query_id, state, started_at, ended_at, case_id
            FROM hit_queries WHERE query_id = @query_id
            """))
        {
            select.With("@query_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            query = new HitQuery(
                id,
                new SignalId(reader.GetString(0)),
                new DecisionId(reader.GetString(1)),
                reader.GetNullableString(2) is { } repeatOf ? new HitQueryId(repeatOf) : null,
                [],
                (HitQueryState)reader.GetInt32(3),
                ReadTimestamp(reader, 4),
                ReadNullableTimestamp(reader, 5),
                [],
                [],
                reader.GetNullableString(6) is { } caseId ? new CaseId(caseId) : null);
        }

        var requested = new List<string>();
        var outcomes = new List<DepartmentQueryOutcome>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            """
            SELECT department, outcome, reason, index_loaded_at
            FROM hit_query_departments WHERE query_id = @query_id ORDER BY position
            """))
        {
            select.With("@query_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                requested.Add(reader.GetString(0));
                if (!reader.IsDBNull(1))
                {
                    outcomes.Add(new DepartmentQueryOutcome(
                        reader.GetString(0),
                        (DepartmentOutcome)reader.GetInt32(1),
                        reader.GetNullableString(2),
                        ReadNullableTimestamp(reader, 3)));
                }
            }
        }

        var answers = new List<HitQueryAnswer>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            """
            SELECT a.subject_id, a.department, a.identifier_type, a.answer
            FROM hit_query_answers a
            JOIN subjects s ON s.subject_id = a.subject_id
            JOIN hit_query_departments d ON d.query_id = a.query_id AND d.department = a.department
            WHERE a.query_id = @query_id
            ORDER BY s.position, d.position, a.identifier_type
            """))
        {
            select.With("@query_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                answers.Add(new HitQueryAnswer(
                    new SubjectId(reader.GetString(0)),
                    reader.GetString(1),
                    (IdentifierType)reader.GetInt32(2),
                    (HitAnswer)reader.GetInt32(3)));
            }
        }

        return query with { RequestedDepartments = requested, Departments = outcomes, Answers = answers };
    }
}
