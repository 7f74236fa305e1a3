using System.Data.Common;
using System.Text.Json;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    private const string DecisionColumns =
        "d.decision_id, d.kind, d.signal_id, d.case_id, d.identifier_types, d.fields, d.recipients, " +
        "d.purpose, d.legal_basis, d.valid_from, d.valid_until, d.payload, d.recorded_at";

    public Task<Decision> RecordDecisionAsync(NewDecision decision, CancellationToken cancellationToken)
    {
        ValidateNewDecision(decision);

        var stored = new Decision(
            decision.Id,
            decision.Kind,
            decision.SignalId,
            decision.CaseId,
            decision.Scopes.Select(scope => scope with { SubjectIds = scope.SubjectIds.ToArray() }).ToArray(),
            decision.IdentifierTypes.ToArray(),
            decision.Fields.ToArray(),
            decision.Recipients.ToArray(),
            decision.Purpose,
            decision.LegalBasis,
            Truncate(decision.ValidFrom),
            Truncate(decision.ValidUntil),
            decision.Payload.ToArray(),
            decision.Signatures.Select(signature => signature with { Signature = signature.Signature.ToArray() }).ToArray(),
            Now());

        return WriteAsync(
            async (connection, transaction) =>
            {
                await CheckDecisionReferencesAsync(connection, transaction, stored.Id, stored.SignalId, stored.CaseId, stored.Scopes, cancellationToken);
                await InsertDecisionAsync(connection, transaction, stored, cancellationToken);

                StoreLog.DecisionRecorded(Logger, stored.Kind, stored.Id, stored.SignalId, stored.Signatures.Count);
                return stored;
            },
            cancellationToken);
    }

    public Task<Decision?> GetDecisionAsync(DecisionId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, transaction) => (await LoadDecisionsAsync(connection, transaction, "d.decision_id = @key", id.Value, cancellationToken))
                .SingleOrDefault(),
            cancellationToken);

    public Task<Decision?> GetDecisionWithoutSubjectsAsync(DecisionId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, transaction) =>
            {
                Decision? decision = null;
                await using (var select = CreateCommand(connection, transaction, $"SELECT {DecisionColumns} FROM decisions d WHERE d.decision_id = @key"))
                {
                    select.With("@key", id.Value);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        decision = ReadDecision(reader);
                    }
                }

                if (decision is null)
                {
                    return null;
                }

                var scopes = new List<DecisionScope>();
                await using (var select = CreateCommand(connection, transaction, "SELECT department FROM decision_departments WHERE decision_id = @key ORDER BY position"))
                {
                    select.With("@key", id.Value);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        scopes.Add(new DecisionScope(reader.GetString(0), []));
                    }
                }

                var signatures = await LoadDecisionSignaturesAsync(connection, transaction, "d.decision_id = @key", id.Value, cancellationToken);
                return decision with { Scopes = scopes, Signatures = signatures.GetValueOrDefault(id) ?? [] };
            },
            cancellationToken);

    public Task<IReadOnlyList<Decision>> ListDecisionsAsync(SignalId signalId, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, transaction) => LoadDecisionsAsync(connection, transaction, "d.signal_id = @key", signalId.Value, cancellationToken),
            cancellationToken);

    private static void ValidateNewDecision(NewDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        InputRules.RequireDefined(decision.Kind, "decision kind");
        InputRules.RequireText(decision.Purpose, "decision purpose", InputRules.MaxLongTextLength);
        InputRules.RequireText(decision.LegalBasis, "decision legal basis", InputRules.MaxLongTextLength);

        if (decision.ValidUntil <= decision.ValidFrom)
        {
            throw new ArgumentException("A decision must be valid until a time after the start of its validity.", "validity");
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
        ValidateKindSpecificParts(decision);

        ArgumentNullException.ThrowIfNull(decision.Payload, "payload");
        if (decision.Payload.Length == 0)
        {
            throw new ArgumentException("A decision needs its signed payload.", "payload");
        }

        ArgumentNullException.ThrowIfNull(decision.Signatures, "signatures");
        if (decision.Signatures.Any(signature => signature?.Signature is not { Length: > 0 }))
        {
            throw new ArgumentException("Each decision signature needs its signature bytes.", "signatures");
        }

        InputRules.RequireDistinctNames(decision.Signatures.Select(signature => signature.MemberId).ToArray(), "signing member", allowEmpty: false);
    }

    private static void ValidateKindSpecificParts(NewDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision.IdentifierTypes, "identifier types");
        ArgumentNullException.ThrowIfNull(decision.Fields, "fields");
        ArgumentNullException.ThrowIfNull(decision.Recipients, "recipients");

        if (decision.Kind == DecisionKind.PrivacyCheck1)
        {
            if (decision.CaseId is not null || decision.Fields.Count > 0 || decision.Recipients.Count > 0)
            {
                throw new ArgumentException("A privacy check 1 decision has no case, fields or recipients.", nameof(decision));
            }

            foreach (var type in decision.IdentifierTypes)
            {
                InputRules.RequireDefined(type, "identifier type");
            }

            if (decision.IdentifierTypes.Distinct().Count() != decision.IdentifierTypes.Count)
            {
                throw new ArgumentException("Each identifier type may appear only once in a decision.", "identifier types");
            }

            return;
        }

        if (decision.CaseId is null || decision.Scopes.Count != 1 || decision.IdentifierTypes.Count > 0)
        {
            throw new ArgumentException(
                "A privacy check 2 decision names a case and exactly one department, and no identifier types.",
                nameof(decision));
        }

        InputRules.RequireDistinctNames(decision.Fields, "field name", allowEmpty: false);
        InputRules.RequireDistinctNames(decision.Recipients, "recipient", allowEmpty: false);
    }

    /// <summary>
    /// Checks that the signal and case that a decision, recorded or prepared, names exist, that the
    /// case belongs to the signal, and that every subject in its scopes is a subject of the signal.
    /// </summary>
    private async Task CheckDecisionReferencesAsync(
        DbConnection connection,
        DbTransaction transaction,
        DecisionId decisionId,
        SignalId signalId,
        CaseId? caseId,
        IEnumerable<DecisionScope> scopes,
        CancellationToken cancellationToken)
    {
        var subjectIds = await LoadSubjectIdsAsync(connection, transaction, signalId, cancellationToken)
            ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Signal {signalId} does not exist.");

        if (caseId is { } id)
        {
            var @case = await LoadCaseAsync(connection, transaction, "case_id = @key", id.Value, cancellationToken)
                ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Case {id} does not exist.");

            if (@case.SignalId != signalId)
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"Case {id} belongs to signal {@case.SignalId}, not to signal {signalId} that decision {decisionId} names.");
            }
        }

        foreach (var subjectId in scopes.SelectMany(scope => scope.SubjectIds))
        {
            if (!subjectIds.Contains(subjectId))
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"Decision {decisionId} names subject {subjectId}, which is not a subject of signal {signalId}.");
            }
        }
    }

    /// <summary>Loads the ids of a signal's subjects, or null when the signal does not exist.</summary>
    private async Task<HashSet<SubjectId>?> LoadSubjectIdsAsync(
        DbConnection connection,
        DbTransaction transaction,
        SignalId signalId,
        CancellationToken cancellationToken)
    {
        await using var select = CreateCommand(
            connection,
            transaction,
            """
            SELECT g.signal_id, s.subject_id
            FROM signals g
            LEFT JOIN subjects s ON s.signal_id = g.signal_id
            WHERE g.signal_id = @signal_id
            """);
        select.With("@signal_id", signalId.Value);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        HashSet<SubjectId>? subjectIds = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            subjectIds ??= [];
            if (!reader.IsDBNull(1))
            {
                subjectIds.Add(new SubjectId(reader.GetString(1)));
            }
        }

        return subjectIds;
    }

    private async Task InsertDecisionAsync(DbConnection connection, DbTransaction transaction, Decision decision, CancellationToken cancellationToken)
    {
        await using (var insert = CreateCommand(
            connection,
            transaction,
            """
            INSERT INTO decisions (decision_id, kind, signal_id, case_id, identifier_types, fields, recipients,
                                   purpose, legal_basis, valid_from, valid_until, payload, recorded_at)
            VALUES (@decision_id, @kind, @signal_id, @case_id, @identifier_types, @fields, @recipients,
                    @purpose, @legal_basis, @valid_from, @valid_until, @payload, @recorded_at)
            """))
        {
            insert
                .With("@decision_id", decision.Id.Value)
                .With("@kind", (int)decision.Kind)
                .With("@signal_id", decision.SignalId.Value)
                .With("@case_id", decision.CaseId?.Value)
                .With("@identifier_types", JsonSerializer.Serialize(decision.IdentifierTypes.Select(type => (int)type)))
                .With("@fields", JsonSerializer.Serialize(decision.Fields))
                .With("@recipients", JsonSerializer.Serialize(decision.Recipients))
                .With("@purpose", decision.Purpose)
                .With("@legal_basis", decision.LegalBasis)
                .With("@valid_from", ToTimestampParameter(decision.ValidFrom))
                .With("@valid_until", ToTimestampParameter(decision.ValidUntil))
                .With("@payload", decision.Payload)
                .With("@recorded_at", ToTimestampParameter(decision.RecordedAt));

            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException exception) when (ClassifyViolation(exception) == ConstraintViolation.Unique)
            {
                throw new CoordinatorStoreException(StoreError.AlreadyExists, $"Decision {decision.Id} is already recorded.", exception);
            }
        }

        for (var position = 0; position < decision.Scopes.Count; position++)
        {
            var scope = decision.Scopes[position];
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO decision_departments (decision_id, department, position) VALUES (@decision_id, @department, @position)",
                cancellationToken,
                ("@decision_id", decision.Id.Value),
                ("@department", scope.Department),
                ("@position", position));

            for (var index = 0; index < scope.SubjectIds.Count; index++)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO decision_subjects (decision_id, department, subject_id, position)
                    VALUES (@decision_id, @department, @subject_id, @position)
                    """,
                    cancellationToken,
                    ("@decision_id", decision.Id.Value),
                    ("@department", scope.Department),
                    ("@subject_id", scope.SubjectIds[index].Value),
                    ("@position", index));
            }
        }

        for (var position = 0; position < decision.Signatures.Count; position++)
        {
            var signature = decision.Signatures[position];
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO decision_signatures (decision_id, member_id, position, signature)
                VALUES (@decision_id, @member_id, @position, @signature)
                """,
                cancellationToken,
                ("@decision_id", decision.Id.Value),
                ("@member_id", signature.MemberId),
                ("@position", position),
                ("@signature", signature.Signature));
        }
    }

    /// <summary>
    /// Loads the decisions that match a filter on the decisions table (alias <c>d</c>, parameter
    /// <c>@key</c>) with their scopes and signatures, oldest first.
    /// </summary>
    private async Task<IReadOnlyList<Decision>> LoadDecisionsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string filter,
        string key,
        CancellationToken cancellationToken)
    {
        var decisions = new List<Decision>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            $"SELECT {DecisionColumns} FROM decisions d WHERE {filter} ORDER BY d.recorded_at, d.decision_id"))
        {
            select.With("@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                decisions.Add(ReadDecision(reader));
            }
        }

        if (decisions.Count == 0)
        {
            return decisions;
        }

        var scopes = await LoadDecisionScopesAsync(connection, transaction, filter, key, cancellationToken);
        var signatures = await LoadDecisionSignaturesAsync(connection, transaction, filter, key, cancellationToken);

        return decisions
            .Select(decision => decision with
            {
                Scopes = scopes.TryGetValue(decision.Id, out var decisionScopes) ? decisionScopes : [],
                Signatures = signatures.TryGetValue(decision.Id, out var decisionSignatures) ? decisionSignatures : [],
            })
            .ToArray();
    }

    private Decision ReadDecision(DbDataReader reader) =>
        new(
            new DecisionId(reader.GetString(0)),
            (DecisionKind)reader.GetInt32(1),
            new SignalId(reader.GetString(2)),
            reader.GetNullableString(3) is { } caseId ? new CaseId(caseId) : null,
            [],
            JsonSerializer.Deserialize<int[]>(reader.GetString(4))!.Select(type => (IdentifierType)type).ToArray(),
            JsonSerializer.Deserialize<string[]>(reader.GetString(5))!,
            JsonSerializer.Deserialize<string[]>(reader.GetString(6))!,
            reader.GetString(7),
            reader.GetString(8),
            ReadTimestamp(reader, 9),
            ReadTimestamp(reader, 10),
            reader.GetBytes(11),
            [],
            ReadTimestamp(reader, 12));

    private async Task<Dictionary<DecisionId, List<DecisionScope>>> LoadDecisionScopesAsync(
        DbConnection connection,
        DbTransaction transaction,
        string filter,
        string key,
        CancellationToken cancellationToken)
    {
        var scopes = new Dictionary<DecisionId, List<DecisionScope>>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            $"""
            SELECT dd.decision_id, dd.department, ds.subject_id
            FROM decision_departments dd
            JOIN decisions d ON d.decision_id = dd.decision_id
            JOIN decision_subjects ds ON ds.decision_id = dd.decision_id AND ds.department = dd.department
            WHERE {filter}
            ORDER BY dd.decision_id, dd.position, ds.position
            """))
        {
            select.With("@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);

            // Rows arrive grouped by decision and department; a bulk decision has one row per
            // department and subject, so ids are parsed only when they change.
            string? decisionText = null;
            string? department = null;
            List<DecisionScope>? decisionScopes = null;
            List<SubjectId>? subjects = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var rowDecision = reader.GetString(0);
                var rowDepartment = reader.GetString(1);
                if (rowDecision != decisionText)
                {
                    decisionText = rowDecision;
                    department = null;
                    scopes[new DecisionId(rowDecision)] = decisionScopes = [];
                }

                if (rowDepartment != department)
                {
                    department = rowDepartment;
                    subjects = [];
                    decisionScopes!.Add(new DecisionScope(rowDepartment, subjects));
                }

                subjects!.Add(new SubjectId(reader.GetString(2)));
            }
        }

        return scopes;
    }

    private async Task<Dictionary<DecisionId, List<DecisionSignature>>> LoadDecisionSignaturesAsync(
        DbConnection connection,
        DbTransaction transaction,
        string filter,
        string key,
        CancellationToken cancellationToken)
    {
        var signatures = new Dictionary<DecisionId, List<DecisionSignature>>();
        await using var select = CreateCommand(
            connection,
            transaction,
            $"""
            SELECT s.decision_id, s.member_id, s.signature
            FROM decision_signatures s
            JOIN decisions d ON d.decision_id = s.decision_id
            WHERE {filter}
            ORDER BY s.decision_id, s.position
            """);
        select.With("@key", key);

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var decisionId = new DecisionId(reader.GetString(0));
            if (!signatures.TryGetValue(decisionId, out var list))
            {
                signatures[decisionId] = list = [];
            }

            list.Add(new DecisionSignature(reader.GetString(1), reader.GetBytes(2)));
        }

        return signatures;
    }

    /// <summary>Runs one statement with the given parameters and returns the affected row count.</summary>
    private static async Task<int> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
