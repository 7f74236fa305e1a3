using System.Data.Common;
using System.Security.Cryptography;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store.Encryption;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<Signal> RegisterSignalAsync(NewSignal signal, CancellationToken cancellationToken)
    {
        ValidateNewSignal(signal);

        var stored = new Signal(
            SignalId.New(),
            signal.Title,
            signal.Reporter,
            signal.Description,
            Now(),
            signal.Subjects
                .Select(subject => new Subject(SubjectId.New(), subject.Label, subject.Kind, subject.Identifiers.ToArray()))
                .ToArray());

        return WriteAsync(
            async (connection, transaction) =>
            {
                await InsertSignalAsync(connection, transaction, stored, cancellationToken);

                StoreLog.SignalRegistered(
                    Logger,
                    stored.Id,
                    stored.Subjects.Count,
                    stored.Subjects.Sum(subject => subject.Identifiers.Count));
                return stored;
            },
            cancellationToken);
    }

    public Task<Signal?> GetSignalAsync(SignalId id, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => LoadSignalAsync(connection, transaction, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SubjectId>?> GetSubjectIdsAsync(SignalId id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SubjectId>?>(
            async (connection, transaction) =>
            {
                await using (var select = CreateCommand(connection, transaction, "SELECT 1 FROM signals WHERE signal_id = @signal_id"))
                {
                    select.With("@signal_id", id.Value);
                    if (await select.ExecuteScalarAsync(cancellationToken) is null)
                    {
                        return null;
                    }
                }

                return await LoadSubjectsByPositionAsync(connection, transaction, id, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<SubjectLabel>> GetSubjectLabelsAsync(SignalId id, int first, int last, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SubjectLabel>>(
            async (connection, transaction) =>
            {
                var rows = new List<(int Position, SubjectId Id, byte[] Label)>();
                await using (var select = CreateCommand(
                    connection,
                    transaction,
                    """
                    SELECT position, subject_id, label FROM subjects
                    WHERE signal_id = @signal_id AND position BETWEEN @first AND @last
                    ORDER BY position
                    """))
                {
                    select.With("@signal_id", id.Value).With("@first", first).With("@last", last);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetInt32(0), new SubjectId(reader.GetString(1)), reader.GetBytes(2)));
                    }
                }

                var labels = new SubjectLabel[rows.Count];
                ForEachInParallel(rows.Count, index =>
                {
                    var (position, subjectId, label) = rows[index];
                    labels[index] = new SubjectLabel(position, subjectId, _cipher.DecryptText(label, new CiphertextBinding("subjects", "label", subjectId.Value)));
                });
                return labels;
            },
            cancellationToken);

    private static void ValidateNewSignal(NewSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        InputRules.RequireText(signal.Title, "signal title");
        InputRules.RequireOptionalText(signal.Reporter, "signal reporter");
        InputRules.RequireOptionalText(signal.Description, "signal description", InputRules.MaxLongTextLength);

        ArgumentNullException.ThrowIfNull(signal.Subjects, "subjects");
        if (signal.Subjects.Count == 0)
        {
            throw new ArgumentException("A signal needs at least one subject.", "subjects");
        }

        foreach (var subject in signal.Subjects)
        {
            ArgumentNullException.ThrowIfNull(subject, "subject");
            InputRules.RequireText(subject.Label, "subject label");
            InputRules.RequireDefined(subject.Kind, "subject kind");

            ArgumentNullException.ThrowIfNull(subject.Identifiers, "identifiers");
            if (subject.Identifiers.Count == 0)
            {
                throw new ArgumentException("Each subject needs at least one identifier.", "identifiers");
            }

            foreach (var identifier in subject.Identifiers)
            {
                InputRules.RequireIdentifier(identifier, "identifier");
            }

            if (subject.Identifiers.Distinct().Count() != subject.Identifiers.Count)
            {
                throw new ArgumentException("A subject has the same identifier twice.", "identifiers");
            }
        }
    }

    private async Task InsertSignalAsync(DbConnection connection, DbTransaction transaction, Signal signal, CancellationToken cancellationToken)
    {
        await using (var insert = CreateCommand(
            connection,
            transaction,
            """
            INSERT INTO signals (signal_id, title, reporter, description, registered_at)
            VALUES (@signal_id, @title, @reporter, @description, @registered_at)
            """))
        {
            var rowKey = signal.Id.Value;
            insert
                .With("@signal_id", signal.Id.Value)
                .With("@title", _cipher.EncryptText(signal.Title, new CiphertextBinding("signals", "title", rowKey)))
                .With("@reporter", _cipher.EncryptText(signal.Reporter, new CiphertextBinding("signals", "reporter", rowKey)))
                .With("@description", _cipher.EncryptText(signal.Description, new CiphertextBinding("signals", "description", rowKey)))
                .With("@registered_at", ToTimestampParameter(signal.RegisteredAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var position = 0; position < signal.Subjects.Count; position++)
        {
            var subject = signal.Subjects[position];
            await using (var insert = CreateCommand(
                connection,
                transaction,
                """
                INSERT INTO subjects (subject_id, signal_id, position, kind, label)
                VALUES (@subject_id, @signal_id, @position, @kind, @label)
                """))
            {
                insert
                    .With("@subject_id", subject.Id.Value)
                    .With("@signal_id", signal.Id.Value)
                    .With("@position", position)
                    .With("@kind", (int)subject.Kind)
                    .With("@label", _cipher.EncryptText(subject.Label, new CiphertextBinding("subjects", "label", subject.Id.Value)));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            for (var index = 0; index < subject.Identifiers.Count; index++)
            {
                await InsertIdentifierAsync(connection, transaction, subject.Id, index, subject.Identifiers[index], cancellationToken);
            }
        }
    }

    private async Task InsertIdentifierAsync(
        DbConnection connection,
        DbTransaction transaction,
        SubjectId subjectId,
        int position,
        CanonicalIdentifier identifier,
        CancellationToken cancellationToken)
    {
        var plaintext = PlaintextCodec.EncodeIdentifierFields(identifier.Fields);
        try
        {
            await using var insert = CreateCommand(
                connection,
                transaction,
                """
                INSERT INTO subject_identifiers (subject_id, position, identifier_type, canonical_value)
                VALUES (@subject_id, @position, @identifier_type, @canonical_value)
                """);
            insert
                .With("@subject_id", subjectId.Value)
                .With("@position", position)
                .With("@identifier_type", (int)identifier.Type)
                .With("@canonical_value", _cipher.Encrypt(plaintext, IdentifierBinding(subjectId, position, identifier.Type)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async Task<Signal?> LoadSignalAsync(DbConnection connection, DbTransaction transaction, SignalId id, CancellationToken cancellationToken)
    {
        Signal? signal;
        await using (var select = CreateCommand(
            connection,
            transaction,
            "SELECT title, reporter, description, registered_at FROM signals WHERE signal_id = @signal_id"))
        {
            select.With("@signal_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var rowKey = id.Value;
            signal = new Signal(
                id,
                _cipher.DecryptText(reader.GetBytes(0), new CiphertextBinding("signals", "title", rowKey)),
                _cipher.DecryptText(reader.GetBytes(1), new CiphertextBinding("signals", "reporter", rowKey)),
                _cipher.DecryptText(reader.GetBytes(2), new CiphertextBinding("signals", "description", rowKey)),
                ReadTimestamp(reader, 3),
                []);
        }

        var identifiers = await LoadIdentifiersAsync(connection, transaction, id, cancellationToken);

        var rows = new List<(SubjectId Id, SubjectKind Kind, byte[] Label)>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            "SELECT subject_id, kind, label FROM subjects WHERE signal_id = @signal_id ORDER BY position"))
        {
            select.With("@signal_id", id.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((new SubjectId(reader.GetString(0)), (SubjectKind)reader.GetInt32(1), reader.GetBytes(2)));
            }
        }

        // Decrypted on all cores: a bulk signal has a label per subject.
        var subjects = new Subject[rows.Count];
        ForEachInParallel(rows.Count, index =>
        {
            var (subjectId, kind, label) = rows[index];
            subjects[index] = new Subject(
                subjectId,
                _cipher.DecryptText(label, new CiphertextBinding("subjects", "label", subjectId.Value)),
                kind,
                identifiers.TryGetValue(subjectId, out var list) ? list : []);
        });

        return signal with { Subjects = subjects };
    }

    private async Task<Dictionary<SubjectId, List<CanonicalIdentifier>>> LoadIdentifiersAsync(
        DbConnection connection,
        DbTransaction transaction,
        SignalId signalId,
        CancellationToken cancellationToken)
    {
        var rows = new List<(SubjectId SubjectId, int Position, IdentifierType Type, byte[] Value)>();
        await using (var select = CreateCommand(
            connection,
            transaction,
            """
            SELECT i.subject_id, i.position, i.identifier_type, i.canonical_value
            FROM subjects s
            JOIN subject_identifiers i ON i.subject_id = s.subject_id
            WHERE s.signal_id = @signal_id
            ORDER BY s.position, i.position
            """))
        {
            select.With("@signal_id", signalId.Value);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            SubjectId? previous = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                // Rows of one subject follow each other, so its id is parsed once.
                var text = reader.GetString(0);
                var subjectId = previous is { } last && last.Value == text ? last : new SubjectId(text);
                previous = subjectId;
                rows.Add((subjectId, reader.GetInt32(1), (IdentifierType)reader.GetInt32(2), reader.GetBytes(3)));
            }
        }

        // Decrypted on all cores: a bulk signal has a value per identifier.
        var decrypted = new CanonicalIdentifier[rows.Count];
        ForEachInParallel(rows.Count, index =>
        {
            var (subjectId, position, type, value) = rows[index];
            var plaintext = _cipher.Decrypt(value, IdentifierBinding(subjectId, position, type));
            try
            {
                decrypted[index] = new CanonicalIdentifier(type, PlaintextCodec.DecodeIdentifierFields(plaintext));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        });

        var identifiers = new Dictionary<SubjectId, List<CanonicalIdentifier>>();
        for (var index = 0; index < rows.Count; index++)
        {
            var subjectId = rows[index].SubjectId;
            if (!identifiers.TryGetValue(subjectId, out var list))
            {
                identifiers[subjectId] = list = [];
            }

            list.Add(decrypted[index]);
        }

        return identifiers;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 on all cores and throws the
    /// first failure as itself, not wrapped, so that callers see a decryption failure as the
    /// <see cref="CoordinatorStoreException"/> it is.
    /// </summary>
    private static void ForEachInParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Binds an identifier value to its subject, position and type, so that none of them can be changed unnoticed.</summary>
    private static CiphertextBinding IdentifierBinding(SubjectId subjectId, int position, IdentifierType type) =>
        new("subject_identifiers", "canonical_value", $"{subjectId.Value}/{position}/{(int)type}");
}
