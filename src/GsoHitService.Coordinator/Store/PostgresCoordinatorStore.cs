using System.Data;
using System.Data.Common;
using GsoHitService.Coordinator.Store.Encryption;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GsoHitService.Coordinator.Store;

/// <summary>The store in a PostgreSQL database, with one pooled data source per store.</summary>
internal sealed class PostgresCoordinatorStore : AdoCoordinatorStore
{
    // Key of the transaction-level advisory lock that serialises start-up work ("gsocoord" in ASCII).
    private const long StartUpLockKey = 0x67736F636F6F7264;

    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresCoordinatorStore(StoreSettings settings, DataKeyRing keys, TimeProvider timeProvider, ILogger logger)
        : base(settings, keys, timeProvider, logger)
    {
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString!);
    }

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    protected override string CreateMigrationsTableSql =>
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL
        )
        """;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    // Under READ COMMITTED each statement would see its own snapshot; REPEATABLE READ keeps one.
    protected override async ValueTask<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    protected override async Task LockStartUpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        command.With("@key", StartUpLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Npgsql writes a DateTimeOffset with offset zero as timestamptz; the base class passes UTC only.
    protected override object ToTimestampParameter(DateTimeOffset value) => value;

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override ConstraintViolation ClassifyViolation(DbException exception) =>
        exception is PostgresException postgres
            ? postgres.SqlState switch
            {
                UniqueViolation => ConstraintViolation.Unique,
                ForeignKeyViolation => ConstraintViolation.ForeignKey,
                _ => ConstraintViolation.Other,
            }
            : ConstraintViolation.Other;

    protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();
}
