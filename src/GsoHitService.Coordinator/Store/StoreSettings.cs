using Npgsql;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// <see cref="CoordinatorStoreOptions"/> checked and resolved: absolute paths and the connection
/// string itself rather than the name of its environment variable.
/// </summary>
internal sealed record StoreSettings(
    StoreProvider Provider,
    string? DatabaseFile,
    string? ConnectionString,
    string DataKeyFile,
    bool CreateDataKeyIfMissing)
{
    /// <summary>The file name of the SQLite database inside the data folder.</summary>
    public const string DatabaseFileName = "coordinator.db";

    private const string Section = CoordinatorStoreOptions.SectionName;

    /// <summary>
    /// Checks the options and resolves them against the content root. Returns the problems found,
    /// each naming the setting and the fix; <paramref name="settings"/> is set when there are none.
    /// </summary>
    public static IReadOnlyList<string> Resolve(
        CoordinatorStoreOptions options,
        string contentRootPath,
        Func<string, string?> getEnvironmentVariable,
        out StoreSettings? settings)
    {
        var problems = new List<string>();
        settings = null;

        var dataKeyFile = ResolvePath(options.DataKeyFile, nameof(options.DataKeyFile), contentRootPath, problems);
        if (string.IsNullOrWhiteSpace(options.DataKeyFile))
        {
            problems.Add(
                $"{Section}:{nameof(options.DataKeyFile)} is missing. Set it to the path of the data-key file, " +
                "outside the data folder.");
        }

        string? databaseFile = null;
        string? connectionString = null;

        switch (options.Provider)
        {
            case StoreProvider.Sqlite:
                databaseFile = ResolveSqlite(options, contentRootPath, dataKeyFile, problems);
                break;

            case StoreProvider.PostgreSql:
                connectionString = ResolvePostgres(options, getEnvironmentVariable, problems);
                break;

            default:
                problems.Add(
                    $"{Section}:{nameof(options.Provider)} '{options.Provider}' is not supported. Use " +
                    $"'{StoreProvider.Sqlite}' or '{StoreProvider.PostgreSql}'.");
                break;
        }

        if (problems.Count == 0)
        {
            settings = new StoreSettings(options.Provider, databaseFile, connectionString, dataKeyFile!, options.CreateDataKeyIfMissing);
        }

        return problems;
    }

    /// <summary>Describes the database for logs: the file, or host and database name without credentials.</summary>
    public string DescribeDatabase()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            return DatabaseFile!;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string? ResolveSqlite(
        CoordinatorStoreOptions options,
        string contentRootPath,
        string? dataKeyFile,
        List<string> problems)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString) || !string.IsNullOrEmpty(options.ConnectionStringVariable))
        {
            problems.Add(
                $"{Section}:{nameof(options.ConnectionString)} and {nameof(options.ConnectionStringVariable)} are " +
                $"used only with {nameof(options.Provider)} '{StoreProvider.PostgreSql}'. Remove them, or set the provider.");
        }

        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            problems.Add($"{Section}:{nameof(options.DataFolder)} is empty. Set it to the folder for the SQLite database.");
            return null;
        }

        var dataFolder = ResolvePath(options.DataFolder, nameof(options.DataFolder), contentRootPath, problems);
        if (dataFolder is null)
        {
            return null;
        }

        if (dataKeyFile is not null && IsInside(dataKeyFile, dataFolder))
        {
            problems.Add(
                $"{Section}:{nameof(options.DataKeyFile)} lies inside {nameof(options.DataFolder)} '{dataFolder}', so " +
                "every copy of the database would carry its key. Move the data-key file to another folder.");
        }

        return Path.Combine(dataFolder, DatabaseFileName);
    }

    private static string? ResolvePostgres(
        CoordinatorStoreOptions options,
        Func<string, string?> getEnvironmentVariable,
        List<string> problems)
    {
        var hasValue = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasVariable = !string.IsNullOrWhiteSpace(options.ConnectionStringVariable);

        if (hasValue == hasVariable)
        {
            problems.Add(
                $"With {nameof(options.Provider)} '{StoreProvider.PostgreSql}', set exactly one of " +
                $"{Section}:{nameof(options.ConnectionString)} and {Section}:{nameof(options.ConnectionStringVariable)}.");
            return null;
        }

        var connectionString = options.ConnectionString;
        var origin = $"{Section}:{nameof(options.ConnectionString)}";
        if (hasVariable)
        {
            origin = $"environment variable '{options.ConnectionStringVariable}'";
            connectionString = getEnvironmentVariable(options.ConnectionStringVariable!);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                problems.Add(
                    $"The {origin}, named by {Section}:{nameof(options.ConnectionStringVariable)}, is not set. Set it " +
                    "to the PostgreSQL connection string in the coordinator's environment.");
                return null;
            }
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
            {
                problems.Add($"The PostgreSQL connection string from the {origin} must name a Host and a Database.");
                return null;
            }
        }
        catch (ArgumentException)
        {
            // The exception message may quote the connection string, password included, so it is not passed on.
            problems.Add($"The PostgreSQL connection string from the {origin} is not valid. Check its keywords and quoting.");
            return null;
        }

        return connectionString;
    }

    private static string? ResolvePath(string? configured, string name, string contentRootPath, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(configured, contentRootPath);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add($"{Section}:{name} '{configured}' is not a valid path: {exception.Message}");
            return null;
        }
    }

    private static bool IsInside(string file, string folder)
    {
        var relative = Path.GetRelativePath(folder, file);
        return relative != file && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
