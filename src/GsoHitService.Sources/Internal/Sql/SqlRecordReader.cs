using System.Data;
using System.Data.Common;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Csv;
using GsoHitService.Sources.Internal.Records;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GsoHitService.Sources.Internal.Sql;

/// <summary>One result row of a SQL source, converted column by column.</summary>
internal sealed class SqlRecord(long number, FieldValue?[] values) : SourceRecord(number)
{
    public FieldValue?[] Values { get; } = values;
}

/// <summary>Reads one result column of a <see cref="SqlRecord"/>.</summary>
internal sealed class SqlColumnAccessor(string field, int ordinal) : FieldAccessor(field)
{
    public override void AddValues(SourceRecord record, List<FieldValue> values)
    {
        if (((SqlRecord)record).Values[ordinal] is { } value)
        {
            values.Add(value);
        }
    }
}

/// <summary>
/// Runs the query of a SQL source and reads its rows. Error messages carry the provider's error code
/// but not its text, because database errors can quote values from the data.
/// </summary>
internal sealed class SqlRecordReader(SqlSourceOptions options, string sourceName, string contentRoot) : IRecordReader
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private DbCommand? _command;
    private DbDataReader? _reader;
    private ColumnIndex? _columns;
    private bool[] _isFixedLengthText = [];
    private long _rows;

    private SqlProvider Provider => options.Provider!.Value;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        var connectionString = ConnectionStrings.Resolve(options, contentRoot, sourceName);
        try
        {
            _connection = SqlConnections.Create(Provider, connectionString, contentRoot);
        }
        catch (ArgumentException)
        {
            throw new SourceReadException(sourceName, $"The connection string of source '{sourceName}' is not valid for {Provider}. Correct it.");
        }

        try
        {
            await _connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            throw new SourceReadException(
                sourceName,
                $"Connecting to the {Provider} database of source '{sourceName}' failed ({Describe(exception)}). Check the connection settings and that the server is reachable.",
                exception);
        }

        try
        {
            await StartReadOnlyAsync(cancellationToken);
            _command = _connection.CreateCommand();
            _command.CommandText = options.Query;
            _command.CommandTimeout = options.CommandTimeoutSeconds;
            _command.Transaction = _transaction;
            _reader = await _command.ExecuteReaderAsync(CommandBehavior.SingleResult, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            throw QueryFailed(exception);
        }

        var names = new string[_reader.FieldCount];
        _isFixedLengthText = new bool[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _reader.GetName(i);
            _isFixedLengthText[i] = SqlValues.IsFixedLengthText(_reader.GetDataTypeName(i));
        }

        _columns = new ColumnIndex(names, sourceName);
    }

    public FieldAccessor Resolve(string field) =>
        new SqlColumnAccessor(field, (_columns ?? throw new InvalidOperationException("The reader is not open.")).Resolve(field));

    public async ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var reader = _reader ?? throw new InvalidOperationException("The reader is not open.");
        try
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            _rows++;
            return new SqlRecord(_rows, ReadValues(reader, _isFixedLengthText));
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            throw QueryFailed(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

        if (_transaction is not null)
        {
            // The transaction only ever read; ending it by rollback makes that explicit.
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Converts the current row. Separate from the async method because it reads the row synchronously.</summary>
    internal static FieldValue?[] ReadValues(DbDataReader reader, bool[] isFixedLengthText)
    {
        var values = new FieldValue?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            if (reader.IsDBNull(i))
            {
                continue;
            }

            try
            {
                values[i] = SqlValues.Convert(reader.GetValue(i), isFixedLengthText[i]);
            }
            catch (Exception exception) when (exception is InvalidCastException or NotSupportedException)
            {
                // A provider type without a .NET value (for example an extension type) cannot be matched.
                values[i] = new FieldValue("", FieldValueKind.Unsupported);
            }
        }

        return values;
    }

    /// <summary>
    /// Runs the query in a read-only transaction where the provider has one (PostgreSQL). SQLite is
    /// opened read-only; for SQL Server the login must be limited to reading.
    /// </summary>
    private async Task StartReadOnlyAsync(CancellationToken cancellationToken)
    {
        if (Provider != SqlProvider.PostgreSql)
        {
            return;
        }

        _transaction = await _connection!.BeginTransactionAsync(cancellationToken);
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SET TRANSACTION READ ONLY";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SourceReadException QueryFailed(Exception exception) => new(
        sourceName,
        $"The query of source '{sourceName}' failed after {_rows} rows ({Describe(exception)}), so none of its rows were indexed. Check Sql:Query and the account's rights.");

    /// <summary>Names the error by type and provider code only.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        PostgresException postgres => $"PostgreSQL error {postgres.SqlState}",
        SqlException sqlServer => $"SQL Server error {sqlServer.Number}",
        SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}",
        _ => exception.GetType().Name,
    };
}
