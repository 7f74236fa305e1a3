using System.Data.Common;
using GsoHitService.Coordinator.Store.Encryption;
using GsoHitService.Coordinator.Store.Migrations;

namespace GsoHitService.Coordinator.Store;

internal abstract partial class AdoCoordinatorStore
{
    private const string KeyCheckText = "gso-coordinator data-key check";

    /// <summary>
    /// Applies the pending migrations in one transaction and returns the schema version. Refuses a
    /// database whose schema is newer than this code or whose applied scripts differ from the ones
    /// shipped, because writing to it could damage data that a newer coordinator relies on.
    /// </summary>
    private async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = MigrationCatalog.Load(Provider);
        var latest = migrations[^1].Version;

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        await LockStartUpAsync(connection, transaction, cancellationToken);

        // Inside the lock: PostgreSQL can fail two concurrent CREATE TABLE IF NOT EXISTS with a duplicate key.
        await using (var create = CreateCommand(connection, transaction, CreateMigrationsTableSql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadAppliedMigrationsAsync(connection, transaction, cancellationToken);
        var current = applied.Count == 0 ? 0 : applied.Keys.Max();

        if (current > latest)
        {
            throw new CoordinatorStoreException(
                StoreError.SchemaMismatch,
                $"The {Provider} store at {Settings.DescribeDatabase()} has schema version {current}, but this coordinator " +
                $"knows versions up to {latest} only. Start the coordinator version that upgraded the database, or a " +
                "newer one; do not run an older coordinator against it.");
        }

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new CoordinatorStoreException(
                        StoreError.SchemaMismatch,
                        $"Schema migration {migration.Version} ({migration.Name}) applied to the {Provider} store at " +
                        $"{Settings.DescribeDatabase()} differs from the script that this coordinator ships. The database " +
                        "was changed by another build; restore it from backup or use the build that created it.");
                }

                continue;
            }

            await ApplyAsync(connection, transaction, migration, cancellationToken);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return latest;
    }

    private async Task<Dictionary<int, string>> ReadAppliedMigrationsAsync(
        DbConnection connection,
        DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = CreateCommand(connection, transaction, "SELECT version, checksum FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using (var script = CreateCommand(connection, transaction, migration.Sql))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = CreateCommand(
            connection,
            transaction,
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at)"))
        {
            record
                .With("@version", migration.Version)
                .With("@name", migration.Name)
                .With("@checksum", migration.Checksum)
                .With("@applied_at", ToTimestampParameter(Now()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        StoreLog.MigrationApplied(Logger, migration.Version, migration.Name, Provider);
    }

    /// <summary>
    /// Checks that the data-key file contains every key that encrypted values in this database, and
    /// registers the current key. A wrong file fails here with a clear message instead of failing
    /// later at the first read.
    /// </summary>
    private async Task VerifyDataKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        await LockStartUpAsync(connection, transaction, cancellationToken);

        var registered = new List<(string KeyId, byte[] Check)>();
        await using (var select = CreateCommand(connection, transaction, "SELECT key_id, key_check FROM data_keys"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                registered.Add((reader.GetString(0), reader.GetBytes(1)));
            }
        }

        foreach (var (keyId, check) in registered)
        {
            VerifyKeyCheck(keyId, check);
        }

        if (!registered.Exists(key => key.KeyId == _keys.Current.Id))
        {
            var binding = KeyCheckBinding(_keys.Current.Id);
            await using var insert = CreateCommand(
                connection,
                transaction,
                "INSERT INTO data_keys (key_id, key_check, added_at) VALUES (@key_id, @key_check, @added_at)");
            insert
                .With("@key_id", _keys.Current.Id)
                .With("@key_check", _cipher.EncryptText(KeyCheckText, binding))
                .With("@added_at", ToTimestampParameter(Now()));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            StoreLog.DataKeyRegistered(Logger, _keys.Current.Id);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private void VerifyKeyCheck(string keyId, byte[] check)
    {
        if (!_keys.TryGet(keyId, out _))
        {
            throw new CoordinatorStoreException(
                StoreError.DataKeyMismatch,
                $"The {Provider} store at {Settings.DescribeDatabase()} holds values encrypted with data key '{keyId}', " +
                $"which the data-key file '{_dataKeyFile}' does not contain. Configure the data-key file that this " +
                "database was written with, or restore it from the key backup.");
        }

        try
        {
            if (_cipher.DecryptText(check, KeyCheckBinding(keyId)) == KeyCheckText)
            {
                return;
            }
        }
        catch (CoordinatorStoreException exception) when (exception.Error == StoreError.DecryptionFailed)
        {
            throw KeyDiffers(keyId, exception);
        }

        throw KeyDiffers(keyId, null);
    }

    private CoordinatorStoreException KeyDiffers(string keyId, Exception? inner) =>
        new(
            StoreError.DataKeyMismatch,
            $"Data key '{keyId}' in the data-key file '{_dataKeyFile}' is not the key with that id that the {Provider} " +
            $"store at {Settings.DescribeDatabase()} was written with. Restore the right data-key file from the key backup.",
            inner);

    private static CiphertextBinding KeyCheckBinding(string keyId) => new("data_keys", "key_check", keyId);
}
