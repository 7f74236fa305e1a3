using System.Data.Common;
using System.Globalization;
using GsoHitService.Coordinator.Store.Encryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Coordinator.Store;

/// <summary>The store in one SQLite file, with write-ahead logging and foreign keys on.</summary>
internal sealed class SqliteCoordinatorStore : AdoCoordinatorStore
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    // Extended result codes of SQLite: SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE and _FOREIGNKEY.
    private const int PrimaryKeyViolation = 1555;
    private const int UniqueViolation = 2067;
    private const int ForeignKeyViolation = 787;

    private readonly string _connectionString;

    public SqliteCoordinatorStore(StoreSettings settings, DataKeyRing keys, TimeProvider timeProvider, ILogger logger)
        : base(settings, keys, timeProvider, logger)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.DatabaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,

            // Seconds that a statement waits for another writer's lock before it fails.
            DefaultTimeout = 30,
        }.ToString();
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    protected override string CreateMigrationsTableSql =>
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT
        """;

    protected override async ValueTask PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Settings.DatabaseFile)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = CreateCommand(connection, null, "PRAGMA journal_mode = WAL");

        // Write-ahead logging lets readers work while one writer commits; the mode is stored in the file.
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: takes the write lock now, so two writers never both hold read locks and
        // then fail to upgrade.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return ValueTask.FromResult(transaction);
    }

    // A deferred transaction takes its snapshot at the first read and keeps it to the end.
    protected override ValueTask<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        return ValueTask.FromResult(transaction);
    }

    // BEGIN IMMEDIATE already excludes every other writer.
    protected override Task LockStartUpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override object ToTimestampParameter(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal),
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    protected override ConstraintViolation ClassifyViolation(DbException exception) =>
        exception is SqliteException sqlite
            ? sqlite.SqliteExtendedErrorCode switch
            {
                PrimaryKeyViolation or UniqueViolation => ConstraintViolation.Unique,
                ForeignKeyViolation => ConstraintViolation.ForeignKey,
                _ => ConstraintViolation.Other,
            }
            : ConstraintViolation.Other;

    protected override ValueTask DisposeCoreAsync()
    {
        // Pooled connections keep the file and its -wal file open; release them so the files can be
        // moved, backed up or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
