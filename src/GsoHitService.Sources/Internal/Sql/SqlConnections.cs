using System.Data.Common;
using GsoHitService.Sources.Configuration;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GsoHitService.Sources.Internal.Sql;

/// <summary>Creates the ADO.NET connection of a SQL source, read-only where the provider allows it.</summary>
internal static class SqlConnections
{
    /// <summary>
    /// Creates an unopened connection. A SQLite database opens read-only and without pooling, so the
    /// agent never writes to it and keeps no lock on it between loads. A relative SQLite file name
    /// resolves against the content root, never the working directory.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is not valid for the provider.</exception>
    public static DbConnection Create(SqlProvider provider, string connectionString, string contentRoot) => provider switch
    {
        SqlProvider.Sqlite => new SqliteConnection(SqliteReadOnly(connectionString, contentRoot)),
        SqlProvider.PostgreSql => new NpgsqlConnection(connectionString),
        SqlProvider.SqlServer => new SqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown SQL provider."),
    };

    private static string SqliteReadOnly(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } dataSource && dataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(dataSource, contentRoot);
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        builder.Pooling = false;
        return builder.ToString();
    }
}
