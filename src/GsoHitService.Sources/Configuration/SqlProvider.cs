namespace GsoHitService.Sources.Configuration;

/// <summary>ADO.NET provider of a SQL source.</summary>
public enum SqlProvider
{
    /// <summary>A SQLite database file (Microsoft.Data.Sqlite), always opened read-only.</summary>
    Sqlite = 1,

    /// <summary>PostgreSQL (Npgsql); the query runs in a read-only transaction.</summary>
    PostgreSql,

    /// <summary>SQL Server (Microsoft.Data.SqlClient).</summary>
    SqlServer,
}
