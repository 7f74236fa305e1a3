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
            query.Id ?? HitQueryId.New(),
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
                // A query in progress has no answers yet; one that is not in progress is refused below.
                var query = await LoadHitQueryAsync(connection, transaction, id, cancellationToken, withAnswers: false)
                    ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Hit query {id} does not exist.");

                if (query.State != HitQueryState.InProgress)
                {
                    throw new CoordinatorStoreException(
                        StoreError.InvalidState,
                        $"Hit query {id} is {query.State}, so it cannot be completed. Start a new query to ask again.");
                }

                var subjects = await LoadSubjectsByPositionAsync(connection, transaction, query.SignalId, cancellationToken);
                var answers = AnswerTable.FromCompletion(query, completion, subjects);

                var endedAt = Now();
                await MarkCompletedAsync(connection, transaction, query.Id, endedAt, cancellationToken);
                await RecordOutcomesAsync(connection, transaction, query, completion, answers, cancellationToken);
                var caseId = await OpenCaseIfHitAsync(connection, transaction, query, answers.HasHit, endedAt, cancellationToken);

                // Built from the checked input rather than read back: a bulk query has hundreds of
                // thousands of answers, and this is exactly what a later read returns.
                var completed = query with
                {
                    State = HitQueryState.Completed,
                    EndedAt = endedAt,
                    Departments = query.RequestedDepartments
                        .Select(department => completion.Departments.Single(outcome => outcome.Department == department))
                        .Select(outcome => outcome with { Reason = string.IsNullOrEmpty(outcome.Reason) ? null : outcome.Reason, IndexLoadedAt = Truncate(outcome.IndexLoadedAt) })
                        .ToArray(),
                    Answers = answers.ToDomain(subjects),
                    CaseId = caseId,
                };

                StoreLog.HitQueryCompleted(
                    Logger,
                    id,
                    completion.Departments.Count(outcome => outcome.Outcome == DepartmentOutcome.Answered),
                    completion.Departments.Count,
                    answers.HitCount);
                return completed;
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
        // Kind, signal and departments only: the subjects of a bulk decision run to hundreds of thousands of rows.
        DecisionKind kind;
        SignalId signalId;
        await using (var select = CreateCommand(connection, transaction, "SELECT kind, signal_id FROM decisions WHERE decision_id = @decision_id"))
        {
            select.With("@decision_id", query.DecisionId.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new CoordinatorStoreException(StoreError.NotFound, $"Decision {query.DecisionId} does not exist.");
            }

            kind = (DecisionKind)reader.GetInt32(0);
            signalId = new SignalId(reader.GetString(1));
        }

        if (kind != DecisionKind.PrivacyCheck1 || signalId != query.SignalId)
        {
            throw new CoordinatorStoreException(
                StoreError.InvalidState,
                $"Decision {query.DecisionId} is not a privacy check 1 decision of signal {query.SignalId}, so it does not allow this hit query.");
        }

        var approved = new HashSet<string>(StringComparer.Ordinal);
        await using (var select = CreateCommand(connection, transaction, "SELECT department FROM decision_departments WHERE decision_id = @decision_id"))
        {
            select.With("@decision_id", query.DecisionId.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                approved.Add(reader.GetString(0));
            }
        }

        foreach (var department in query.RequestedDepartments)
        {
            if (!approved.Contains(department))
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"Department '{department}' is not named by decision {query.DecisionId}, so it may not be asked.");
            }
        }

        if (query.RepeatOf is { } repeatOf)
        {
            var earlier = await LoadHitQueryAsync(connection, transaction, repeatOf, cancellationToken, withAnswers: false)
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

    private async Task RecordOutcomesAsync(
        DbConnection connection,
        DbTransaction transaction,
        HitQuery query,
        HitQueryCompletion completion,
        AnswerTable answers,
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

        for (var department = 0; department < query.RequestedDepartments.Count; department++)
        {
            var (count, packed) = answers.Pack(department);
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO hit_query_answer_sets (query_id, department, answer_count, answers)
                VALUES (@query_id, @department, @answer_count, @answers)
                """,
                cancellationToken,
                ("@query_id", query.Id.Value),
                ("@department", query.RequestedDepartments[department]),
                ("@answer_count", count),
                ("@answers", packed));
        }
    }

    /// <summary>Loads the ids of a signal's subjects, indexed by their position in the signal.</summary>
    private async Task<SubjectId[]> LoadSubjectsByPositionAsync(
        DbConnection connection,
        DbTransaction transaction,
        SignalId signalId,
        CancellationToken cancellationToken)
    {
        var subjects = new List<SubjectId>();
        await using var select = CreateCommand(
            connection,
            transaction,
            "SELECT subject_id, position FROM subjects WHERE signal_id = @signal_id ORDER BY position");
        select.With("@signal_id", signalId.Value);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetInt32(1) != subjects.Count)
            {
                throw new CoordinatorStoreException(StoreError.InvalidState, $"The subject positions of signal {signalId} are not 0, 1, 2, …; the database was changed outside the coordinator.");
            }

            subjects.Add(new SubjectId(reader.GetString(0)));
        }

        return [.. subjects];
    }

    /// <summary>
    /// Opens the signal's case when an answer is a hit and the signal has none yet, and links the
    /// query to the case. <c>ON CONFLICT DO NOTHING</c> keeps one case per signal when two queries
    /// complete at once.
    /// </summary>
    private async Task<CaseId?> OpenCaseIfHitAsync(
        DbConnection connection,
        DbTransaction transaction,
        HitQuery query,
        bool hasHit,
        DateTimeOffset openedAt,
        CancellationToken cancellationToken)
    {
        if (!hasHit)
        {
            return null;
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
        return @case.Id;
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

    /// <summary>Loads a query with its outcomes and, unless <paramref name="withAnswers"/> is false, its answers.</summary>
    private async Task<HitQuery?> LoadHitQueryAsync(DbConnection connection, DbTransaction transaction, HitQueryId id, CancellationToken cancellationToken, bool withAnswers = true)
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

        var answers = withAnswers ? await LoadAnswersAsync(connection, transaction, query.SignalId, id, requested, cancellationToken) : [];
        return query with { RequestedDepartments = requested, Departments = outcomes, Answers = answers };
    }

    /// <summary>
    /// Loads a query's answers from its packed answer sets and from one row per answer, the form
    /// that queries completed before schema version 3 have, ordered by subject position,
    /// department and identifier type.
    /// </summary>
    private async Task<IReadOnlyList<HitQueryAnswer>> LoadAnswersAsync(
        DbConnection connection,
        DbTransaction transaction,
        SignalId signalId,
        HitQueryId id,
        IReadOnlyList<string> departments,
        CancellationToken cancellationToken)
    {
        var sets = new List<(string Department, int Count, byte[] Answers)>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            "SELECT department, answer_count, answers FROM hit_query_answer_sets WHERE query_id = @query_id"))
        {
            select.With("@query_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sets.Add((reader.GetString(0), reader.GetInt32(1), reader.GetBytes(2)));
            }
        }

        var legacy = new List<HitQueryAnswer>();
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
                legacy.Add(new HitQueryAnswer(
                    new SubjectId(reader.GetString(0)),
                    reader.GetString(1),
                    (IdentifierType)reader.GetInt32(2),
                    (HitAnswer)reader.GetInt32(3)));
            }
        }

        if (sets.Count == 0)
        {
            return legacy;
        }

        var subjects = await LoadSubjectsByPositionAsync(connection, transaction, signalId, cancellationToken);
        return AnswerTable.FromStored(id, departments, subjects, sets, legacy).ToDomain(subjects);
    }
}
