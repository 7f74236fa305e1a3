namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Database, connection and query of a SQL source. Exactly one of <see cref="ConnectionString"/>,
/// <see cref="ConnectionStringEnvironmentVariable"/> and <see cref="ConnectionStringFile"/> is set.
/// Connection strings are never logged.
/// </summary>
public sealed class SqlSourceOptions
{
    public SqlProvider? Provider { get; set; }

    /// <summary>The connection string itself. Prefer the environment variable or the file for passwords.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Name of an environment variable that contains the connection string, read at every load.</summary>
    public string? ConnectionStringEnvironmentVariable { get; set; }

    /// <summary>
    /// File that contains the connection string (its text, trimmed), read at every load. A relative path
    /// resolves against the agent's content root.
    /// </summary>
    public string? ConnectionStringFile { get; set; }

    /// <summary>
    /// The query that returns one row per record. Identifier mappings, relevance conditions and the
    /// field map name its result columns.
    /// </summary>
    public string? Query { get; set; }

    /// <summary>Maximum run time of the query in seconds; default 300.</summary>
    public int CommandTimeoutSeconds { get; set; } = 300;
}
