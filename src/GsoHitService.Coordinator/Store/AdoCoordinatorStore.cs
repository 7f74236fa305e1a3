using System.Data.Common;
using GsoHitService.Coordinator.Store.Encryption;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// The store on plain ADO.NET, shared by SQLite and PostgreSQL: all data SQL lives here, written
/// in the dialect both engines accept (<c>@name</c> parameters, <c>ON CONFLICT … DO NOTHING</c>).
/// Subclasses supply connections, transactions, timestamp mapping, constraint-error codes and
/// migration locking. The partial files hold one entity each.
/// </summary>
internal abstract partial class AdoCoordinatorStore : ICoordinatorStore
{
    private readonly DataKeyRing _keys;
    private readonly StoredValueCipher _cipher;
    private readonly string _dataKeyFile;
    private volatile bool _initialized;
    private int _disposed;

    protected AdoCoordinatorStore(StoreSettings settings, DataKeyRing keys, TimeProvider timeProvider, ILogger logger)
    {
        Settings = settings;
        _keys = keys;
        _cipher = new StoredValueCipher(keys);
        _dataKeyFile = settings.DataKeyFile;
        TimeProvider = timeProvider;
        Logger = logger;
    }

    /// <summary>The database engine.</summary>
    public abstract StoreProvider Provider { get; }

    protected StoreSettings Settings { get; }

    protected TimeProvider TimeProvider { get; }

    protected ILogger Logger { get; }

    /// <summary>The SQL that creates the migrations table if it does not exist.</summary>
    protected abstract string CreateMigrationsTableSql { get; }

    /// <summary>
    /// Creates the database if needed, applies pending migrations and checks that the data-key
    /// file contains every key the database was written with. Runs once, before any other call.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(cancellationToken);
        var version = await MigrateAsync(cancellationToken);
        await VerifyDataKeysAsync(cancellationToken);

        _initialized = true;
        StoreLog.StoreOpened(Logger, Provider, Settings.DescribeDatabase(), version);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeCoreAsync();
            _cipher.Dispose();
            _keys.Dispose();
        }
    }

    /// <summary>Creates what must exist before the first connection, such as the SQLite data folder.</summary>
    protected virtual ValueTask PrepareDatabaseAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that takes the write lock at once, so that concurrent writers queue instead of deadlocking.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a transaction whose statements all see the same committed state.</summary>
    protected abstract ValueTask<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises the start-up work (migrations, data-key registration) of several coordinator processes inside <paramref name="transaction"/>.</summary>
    protected abstract Task LockStartUpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Converts a UTC timestamp, already truncated to microseconds, to the provider's parameter value.</summary>
    protected abstract object ToTimestampParameter(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    protected abstract ConstraintViolation ClassifyViolation(DbException exception);

    protected abstract ValueTask DisposeCoreAsync();

    /// <summary>The current time in UTC, truncated to the microsecond precision that both engines store.</summary>
    protected DateTimeOffset Now() => Truncate(TimeProvider.GetUtcNow());

    /// <summary>Converts to UTC and truncates to microseconds, so a stored timestamp reads back equal.</summary>
    protected static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    protected static DateTimeOffset? Truncate(DateTimeOffset? value) => value is { } actual ? Truncate(actual) : null;

    /// <summary>Converts an optional timestamp for a parameter; the value must already be truncated.</summary>
    protected object? ToTimestampParameter(DateTimeOffset? value) => value is { } actual ? ToTimestampParameter(actual) : null;

    protected DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    protected static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Runs read-only work in one snapshot, so that an entity read with several statements never
    /// mixes states from before and after a concurrent write.
    /// </summary>
    protected async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfNotReady();

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadTransactionAsync(connection, cancellationToken);
        return await work(connection, transaction);
    }

    /// <summary>
    /// Runs work in one write transaction and commits it; any exception rolls everything back, so
    /// a failed call records nothing.
    /// </summary>
    protected async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfNotReady();

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);

        var result = await work(connection, transaction);

        // Deliberately not the caller's token: once the work is done, a cancelled commit would
        // leave the caller unsure whether the data were recorded.
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    private void ThrowIfNotReady()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_initialized)
        {
            throw new InvalidOperationException("The coordinator store is used before InitializeAsync completed.");
        }
    }

    /// <summary>The kinds of constraint violation that the store turns into <see cref="CoordinatorStoreException"/>.</summary>
    protected enum ConstraintViolation
    {
        /// <summary>Not a constraint violation that the store handles.</summary>
        Other,

        /// <summary>A primary key or unique constraint.</summary>
        Unique,

        /// <summary>A foreign key constraint.</summary>
        ForeignKey,
    }
}
