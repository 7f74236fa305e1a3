using System.Data.Common;
using System.Security.Cryptography;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store.Encryption;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<ContentRelease> RecordContentReleaseAsync(NewContentRelease release, CancellationToken cancellationToken)
    {
        ValidateNewContentRelease(release);

        return WriteAsync(
            async (connection, transaction) =>
            {
                var decision = (await LoadDecisionsAsync(connection, transaction, "d.decision_id = @key", release.DecisionId.Value, cancellationToken))
                    .SingleOrDefault()
                    ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Decision {release.DecisionId} does not exist.");

                CheckReleaseScope(decision, release);

                var stored = new ContentRelease(
                    release.Id ?? ContentReleaseId.New(),
                    decision.Id,
                    decision.CaseId!.Value,
                    release.Department,
                    Now(),
                    release.Records
                        .Select(record => record with { Fields = new Dictionary<string, string>(record.Fields, StringComparer.Ordinal) })
                        .ToArray());

                await InsertContentReleaseAsync(connection, transaction, stored, cancellationToken);

                StoreLog.ContentReleaseRecorded(Logger, stored.Id, stored.Department, stored.DecisionId, stored.Records.Count);
                return stored;
            },
            cancellationToken);
    }

    public Task<ContentRelease?> GetContentReleaseAsync(ContentReleaseId id, CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, transaction) => (await LoadContentReleasesAsync(connection, transaction, "r.release_id = @key", id.Value, cancellationToken))
                .SingleOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<ContentRelease>> ListContentReleasesAsync(CaseId caseId, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, transaction) => LoadContentReleasesAsync(connection, transaction, "r.case_id = @key", caseId.Value, cancellationToken),
            cancellationToken);

    private static void ValidateNewContentRelease(NewContentRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        InputRules.RequireText(release.Department, "department");
        ArgumentNullException.ThrowIfNull(release.Records, "records");

        foreach (var record in release.Records)
        {
            ArgumentNullException.ThrowIfNull(record, "record");
            InputRules.RequireOptionalText(record.Source, "record source");
            ArgumentNullException.ThrowIfNull(record.Fields, "record fields");

            foreach (var (name, value) in record.Fields)
            {
                InputRules.RequireText(name, "field name");
                InputRules.RequireOptionalText(value, "field value", InputRules.MaxLongTextLength);
            }
        }
    }

    /// <summary>
    /// Checks that content stays inside its privacy check 2 decision: the decision's department,
    /// its subjects and its fields only. The agent enforces the same; this check keeps content
    /// that a faulty agent sent anyway out of the store.
    /// </summary>
    private static void CheckReleaseScope(Decision decision, NewContentRelease release)
    {
        if (decision.Kind != DecisionKind.PrivacyCheck2)
        {
            throw new CoordinatorStoreException(
                StoreError.InvalidState,
                $"Decision {decision.Id} is not a privacy check 2 decision, so it does not allow a content release.");
        }

        var scope = decision.Scopes[0];
        if (!string.Equals(scope.Department, release.Department, StringComparison.Ordinal))
        {
            throw new CoordinatorStoreException(
                StoreError.InvalidState,
                $"Decision {decision.Id} releases content of department '{scope.Department}', not of '{release.Department}'.");
        }

        var subjects = scope.SubjectIds.ToHashSet();
        var fields = decision.Fields.ToHashSet(StringComparer.Ordinal);
        foreach (var record in release.Records)
        {
            if (!subjects.Contains(record.SubjectId))
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"A released record is about subject {record.SubjectId}, which decision {decision.Id} does not name. Nothing was recorded.");
            }

            var extra = record.Fields.Keys.Where(name => !fields.Contains(name)).ToArray();
            if (extra.Length > 0)
            {
                throw new CoordinatorStoreException(
                    StoreError.InvalidState,
                    $"A released record has field(s) {string.Join(", ", extra)}, which decision {decision.Id} does not release. Nothing was recorded.");
            }
        }
    }

    private async Task InsertContentReleaseAsync(
        DbConnection connection,
        DbTransaction transaction,
        ContentRelease release,
        CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO content_releases (release_id, decision_id, case_id, department, released_at)
                VALUES (@release_id, @decision_id, @case_id, @department, @released_at)
                """,
                cancellationToken,
                ("@release_id", release.Id.Value),
                ("@decision_id", release.DecisionId.Value),
                ("@case_id", release.CaseId.Value),
                ("@department", release.Department),
                ("@released_at", ToTimestampParameter(release.ReleasedAt)));
        }
        catch (DbException exception) when (ClassifyViolation(exception) == ConstraintViolation.Unique)
        {
            throw new CoordinatorStoreException(
                StoreError.AlreadyExists,
                $"Decision {release.DecisionId} already has a content release; each privacy check 2 decision releases once.",
                exception);
        }

        for (var position = 0; position < release.Records.Count; position++)
        {
            var record = release.Records[position];
            var plaintext = PlaintextCodec.EncodeReleasedRecord(record);
            try
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO content_records (release_id, position, subject_id, content)
                    VALUES (@release_id, @position, @subject_id, @content)
                    """,
                    cancellationToken,
                    ("@release_id", release.Id.Value),
                    ("@position", position),
                    ("@subject_id", record.SubjectId.Value),
                    ("@content", _cipher.Encrypt(plaintext, RecordBinding(release.Id, position, record.SubjectId))));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }

    /// <summary>
    /// Loads the releases that match a filter on the content releases table (alias <c>r</c>,
    /// parameter <c>@key</c>) with their decrypted records, oldest first.
    /// </summary>
    private async Task<IReadOnlyList<ContentRelease>> LoadContentReleasesAsync(
        DbConnection connection,
        DbTransaction transaction,
        string filter,
        string key,
        CancellationToken cancellationToken)
    {
        var releases = new List<ContentRelease>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            $"""
            SELECT r.release_id, r.decision_id, r.case_id, r.department, r.released_at
            FROM content_releases r WHERE {filter} ORDER BY r.released_at, r.release_id
            """))
        {
            select.With("@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                releases.Add(new ContentRelease(
                    new ContentReleaseId(reader.GetString(0)),
                    new DecisionId(reader.GetString(1)),
                    new CaseId(reader.GetString(2)),
                    reader.GetString(3),
                    ReadTimestamp(reader, 4),
                    []));
            }
        }

        var records = new Dictionary<ContentReleaseId, List<ReleasedRecord>>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            $"""
            SELECT c.release_id, c.position, c.subject_id, c.content
            FROM content_records c
            JOIN content_releases r ON r.release_id = c.release_id
            WHERE {filter}
            ORDER BY c.release_id, c.position
            """))
        {
            select.With("@key", key);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var releaseId = new ContentReleaseId(reader.GetString(0));
                var subjectId = new SubjectId(reader.GetString(2));
                var plaintext = _cipher.Decrypt(reader.GetBytes(3), RecordBinding(releaseId, reader.GetInt32(1), subjectId));
                try
                {
                    var (source, fields) = PlaintextCodec.DecodeReleasedRecord(plaintext);
                    if (!records.TryGetValue(releaseId, out var list))
                    {
                        records[releaseId] = list = [];
                    }

                    list.Add(new ReleasedRecord(subjectId, source, fields));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext);
                }
            }
        }

        return releases
            .Select(release => release with { Records = records.TryGetValue(release.Id, out var list) ? list : [] })
            .ToArray();
    }

    private static CiphertextBinding RecordBinding(ContentReleaseId releaseId, int position, SubjectId subjectId) =>
        new("content_records", "content", $"{releaseId.Value}/{position}/{subjectId.Value}");
}
