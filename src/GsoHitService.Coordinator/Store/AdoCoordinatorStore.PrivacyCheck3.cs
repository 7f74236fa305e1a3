using System.Text.Json;
using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    public Task<PrivacyCheck3Entry> RecordPrivacyCheck3Async(NewPrivacyCheck3Entry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        InputRules.RequireText(entry.MemberId, "case-team member");
        InputRules.RequireDistinctNames(entry.Fields, "field name", allowEmpty: true);
        InputRules.RequireText(entry.DecidedBy, "deciding member");
        InputRules.RequireText(entry.Reason, "privacy check 3 reason", InputRules.MaxLongTextLength);

        var stored = new PrivacyCheck3Entry(
            PrivacyCheck3EntryId.New(),
            entry.CaseId,
            entry.MemberId,
            entry.Fields.ToArray(),
            entry.DecidedBy,
            entry.Reason,
            Now());

        return WriteAsync(
            async (connection, transaction) =>
            {
                _ = await LoadCaseAsync(connection, transaction, "case_id = @key", entry.CaseId.Value, cancellationToken)
                    ?? throw new CoordinatorStoreException(StoreError.NotFound, $"Case {entry.CaseId} does not exist.");

                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO privacy_check3_entries (entry_id, case_id, member_id, fields, decided_by, reason, recorded_at)
                    VALUES (@entry_id, @case_id, @member_id, @fields, @decided_by, @reason, @recorded_at)
                    """,
                    cancellationToken,
                    ("@entry_id", stored.Id.Value),
                    ("@case_id", stored.CaseId.Value),
                    ("@member_id", stored.MemberId),
                    ("@fields", JsonSerializer.Serialize(stored.Fields)),
                    ("@decided_by", stored.DecidedBy),
                    ("@reason", stored.Reason),
                    ("@recorded_at", ToTimestampParameter(stored.RecordedAt)));

                StoreLog.PrivacyCheck3Recorded(Logger, stored.Id, stored.CaseId, stored.MemberId, stored.Fields.Count);
                return stored;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<PrivacyCheck3Entry>> ListPrivacyCheck3Async(CaseId caseId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<PrivacyCheck3Entry>>(
            async (connection, transaction) =>
            {
                var entries = new List<PrivacyCheck3Entry>();
                await using var select = CreateCommand(
                    connection,
                    transaction,
                    """
                    SELECT entry_id, member_id, fields, decided_by, reason, recorded_at
                    FROM privacy_check3_entries WHERE case_id = @case_id ORDER BY recorded_at, entry_id
                    """);
                select.With("@case_id", caseId.Value);

                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    entries.Add(new PrivacyCheck3Entry(
                        new PrivacyCheck3EntryId(reader.GetString(0)),
                        caseId,
                        reader.GetString(1),
                        JsonSerializer.Deserialize<string[]>(reader.GetString(2))!,
                        reader.GetString(3),
                        reader.GetString(4),
                        ReadTimestamp(reader, 5)));
                }

                return entries;
            },
            cancellationToken);
}
