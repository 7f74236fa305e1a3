using GsoHitService.Coordinator.Store;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class StoreSettingsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "gso-content-root");

    [Fact]
    public void Resolve_RelativePaths_UseContentRoot()
    {
        var options = new CoordinatorStoreOptions { DataFolder = "data", DataKeyFile = Path.Combine("keys", "data.key") };

        var problems = StoreSettings.Resolve(options, ContentRoot, NoVariables, out var settings);

        Assert.Empty(problems);
        Assert.Equal(Path.Combine(ContentRoot, "data", "coordinator.db"), settings!.DatabaseFile);
        Assert.Equal(Path.Combine(ContentRoot, "keys", "data.key"), settings.DataKeyFile);
        Assert.Null(settings.ConnectionString);
    }

    [Fact]
    public void Resolve_AbsolutePaths_AreKept()
    {
        var data = Path.Combine(Path.GetTempPath(), "elsewhere", "data");
        var key = Path.Combine(Path.GetTempPath(), "elsewhere", "key.json");
        var options = new CoordinatorStoreOptions { DataFolder = data, DataKeyFile = key };

        StoreSettings.Resolve(options, ContentRoot, NoVariables, out var settings);

        Assert.Equal(Path.Combine(data, "coordinator.db"), settings!.DatabaseFile);
        Assert.Equal(key, settings.DataKeyFile);
    }

    [Fact]
    public void Resolve_PostgresFromVariable_ReadsTheVariable()
    {
        var options = new CoordinatorStoreOptions
        {
            Provider = StoreProvider.PostgreSql,
            ConnectionStringVariable = "GSO_DB",
            DataKeyFile = "data.key",
        };

        var problems = StoreSettings.Resolve(
            options,
            ContentRoot,
            name => name == "GSO_DB" ? "Host=db.local;Database=gso;Username=gso;Password=geheim" : null,
            out var settings);

        Assert.Empty(problems);
        Assert.Contains("Host=db.local", settings!.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("db.local:5432/gso", settings.DescribeDatabase());
    }

    public static TheoryData<string, CoordinatorStoreOptions, string> InvalidOptions() => new()
    {
        { "no data-key file", new CoordinatorStoreOptions(), "DataKeyFile is missing" },
        { "key inside data folder", new CoordinatorStoreOptions { DataKeyFile = Path.Combine("data", "k.key") }, "inside DataFolder" },
        { "blank data folder", new CoordinatorStoreOptions { DataFolder = " ", DataKeyFile = "k.key" }, "DataFolder is empty" },
        { "connection string with SQLite", new CoordinatorStoreOptions { DataKeyFile = "k.key", ConnectionString = "Host=x;Database=y" }, "used only with Provider 'PostgreSql'" },
        { "PostgreSQL without connection", new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, DataKeyFile = "k.key" }, "exactly one of" },
        {
            "PostgreSQL with both",
            new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, DataKeyFile = "k.key", ConnectionString = "Host=x;Database=y", ConnectionStringVariable = "GSO_DB" },
            "exactly one of"
        },
        { "variable not set", new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, DataKeyFile = "k.key", ConnectionStringVariable = "GSO_UNSET" }, "'GSO_UNSET'" },
        { "no database name", new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, DataKeyFile = "k.key", ConnectionString = "Host=x" }, "must name a Host and a Database" },
        { "malformed string", new CoordinatorStoreOptions { Provider = StoreProvider.PostgreSql, DataKeyFile = "k.key", ConnectionString = "Host=x;Password=geheim;Bogus=1" }, "is not valid" },
        { "unknown provider", new CoordinatorStoreOptions { Provider = (StoreProvider)7, DataKeyFile = "k.key" }, "is not supported" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Resolve_InvalidOptions_NamesTheProblem(string rule, CoordinatorStoreOptions options, string expected)
    {
        var problems = StoreSettings.Resolve(options, ContentRoot, NoVariables, out var settings);

        Assert.Null(settings);
        Assert.True(problems.Any(problem => problem.Contains(expected, StringComparison.Ordinal)), $"{rule}: {string.Join(" | ", problems)}");
        Assert.DoesNotContain(problems, problem => problem.Contains("geheim", StringComparison.Ordinal));
    }

    private static string? NoVariables(string name) => null;
}
