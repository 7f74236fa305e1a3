using System.Data.Common;
using GsoHitService.Coordinator.Store;
using GsoHitService.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GsoHitService.Coordinator.Tests.Store;

/// <summary>
/// A database engine for the store contract tests: makes empty databases and opens raw
/// connections that bypass the store, so tests can inspect and tamper with stored rows.
/// </summary>
public abstract class StoreTestBackend : IDisposable
{
    private int _databaseCount;

    /// <summary>The content root of the tests; every data-key file and SQLite folder lies below it.</summary>
    public TempDirectory Folder { get; } = new();

    public abstract StoreProvider Provider { get; }

    /// <summary>SQL that lists the names of the store's tables.</summary>
    public abstract string ListTablesSql { get; }

    /// <summary>Creates options for a new, empty database with its own data-key file, created on first open.</summary>
    public async Task<CoordinatorStoreOptions> CreateEmptyDatabaseAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _databaseCount);
        var options = await CreateDatabaseOptionsAsync(number, cancellationToken);
        options.DataKeyFile = Folder.Combine($"keys-{number}", "coordinator-data.key");
        options.CreateDataKeyIfMissing = true;
        return options;
    }

    public abstract Task<DbConnection> OpenRawConnectionAsync(CoordinatorStoreOptions options, CancellationToken cancellationToken);

    /// <summary>The files that hold the database, for engines that keep it in files.</summary>
    public virtual IEnumerable<string> DatabaseFiles(CoordinatorStoreOptions options) => [];

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract Task<CoordinatorStoreOptions> CreateDatabaseOptionsAsync(int number, CancellationToken cancellationToken);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
        }
    }
}

/// <summary>SQLite: one real database file per test in a temporary folder.</summary>
public sealed class SqliteStoreTestBackend : StoreTestBackend
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ListTablesSql => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

    public override async Task<DbConnection> OpenRawConnectionAsync(CoordinatorStoreOptions options, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabaseFile(options),
            Mode = SqliteOpenMode.ReadWrite,

            // Unpooled, so that disposing the connection closes the file before the folder is deleted.
            Pooling = false,
        };

        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override IEnumerable<string> DatabaseFiles(CoordinatorStoreOptions options) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(DatabaseFile(options))!);

    protected override Task<CoordinatorStoreOptions> CreateDatabaseOptionsAsync(int number, CancellationToken cancellationToken) =>
        Task.FromResult(new CoordinatorStoreOptions { Provider = StoreProvider.Sqlite, DataFolder = Folder.Combine($"data-{number}") });

    private static string DatabaseFile(CoordinatorStoreOptions options) => Path.Combine(options.DataFolder, "coordinator.db");
}

/// <summary>
/// PostgreSQL: one real database per test class, and one empty schema per test in it, so that
/// every test starts from an empty store.
/// </summary>
public sealed class PostgresStoreTestBackend(PostgresTestDatabase database) : StoreTestBackend
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;

    public override string ListTablesSql =>
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";

    public override async Task<DbConnection> OpenRawConnectionAsync(CoordinatorStoreOptions options, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task<CoordinatorStoreOptions> CreateDatabaseOptionsAsync(int number, CancellationToken cancellationToken)
    {
        var schema = $"store_test_{number}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            SearchPath = schema,

            // Commits skip the wait for the disk flush; the tests check behaviour, not durability after power loss.
            Options = "-c synchronous_commit=off",
        }.ConnectionString;
        return new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = connectionString };
    }
}
