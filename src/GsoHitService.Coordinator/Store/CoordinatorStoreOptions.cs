namespace GsoHitService.Coordinator.Store;

/// <summary>
/// Where the coordinator keeps its state, bound from the <c>Coordinator:Store</c> configuration
/// section and validated at start-up. Relative paths are resolved against the content root (the
/// folder of the executable when run as a service), never against the working directory.
/// </summary>
public sealed class CoordinatorStoreOptions
{
    /// <summary>The configuration section that these options are bound from.</summary>
    public const string SectionName = "Coordinator:Store";

    /// <summary>The database engine. Default: <see cref="StoreProvider.Sqlite"/>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// The folder of the SQLite database file <c>coordinator.db</c>; created with owner-only
    /// access when missing. Used with <see cref="StoreProvider.Sqlite"/> only. Default: <c>data</c>.
    /// </summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// The PostgreSQL connection string. Used with <see cref="StoreProvider.PostgreSql"/> only; set
    /// either this or <see cref="ConnectionStringVariable"/>. Default: none.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The name of an environment variable that contains the PostgreSQL connection string, which keeps
    /// the password out of configuration files. Default: none.
    /// </summary>
    public string? ConnectionStringVariable { get; set; }

    /// <summary>
    /// The data-key file whose keys encrypt identifiers, labels, signal texts and released content.
    /// Required. It must lie outside <see cref="DataFolder"/>, so that a copy of the database folder
    /// does not contain the key.
    /// </summary>
    public string? DataKeyFile { get; set; }

    /// <summary>
    /// Whether a missing data-key file is created with a new key at start-up. Set it for the first
    /// start only: a new key cannot read a database written under another key. Default: false.
    /// </summary>
    public bool CreateDataKeyIfMissing { get; set; }
}

/// <summary>The database engines that the store supports.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file in <see cref="CoordinatorStoreOptions.DataFolder"/>.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL database named by a connection string.</summary>
    PostgreSql = 2,
}
