using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Data.Sqlite;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Sql;

/// <summary>
/// SQL sources on real SQLite database files. SQLite gives a column declared <c>STRING</c> numeric
/// affinity, so <c>'012345672'</c> comes back as the integer 12345672: such a value is only used
/// with a declared pad rule, otherwise its row is rejected and the column flagged.
/// </summary>
public sealed class SqliteSourceTests : IDisposable
{
    private const string DatabaseFile = "db/source.db";

    private readonly TempDirectory _folder = new();

    public SqliteSourceTests()
    {
        Directory.CreateDirectory(_folder.Combine("db"));
        using var connection = new SqliteConnection($"Data Source={_folder.Combine(DatabaseFile)};Pooling=False");
        connection.Open();
        Execute(
            connection,
            """
            CREATE TABLE persons (
                id INTEGER PRIMARY KEY,
                bsn STRING,
                bsn_text TEXT,
                postcode TEXT,
                huisnummer INTEGER,
                vestigingsnummer REAL,
                achternaam TEXT,
                geboortedatum TEXT);
            INSERT INTO persons (bsn, bsn_text, postcode, huisnummer, vestigingsnummer, achternaam, geboortedatum)
            VALUES ('012345672', '012345672', '1234AB', 12, 123456789012.5, 'Jansen', '1985-03-07'),
                   ('111222333', '111222333', NULL, NULL, NULL, NULL, NULL);
            """);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_StringAffinityColumn_StoresBsnAsInteger()
    {
        // The premise of the case: SQLite itself turned the text into a number.
        await using var connection = new SqliteConnection($"Data Source={_folder.Combine(DatabaseFile)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new SqliteCommand("SELECT bsn FROM persons WHERE id = 1", connection);

        Assert.Equal(12345672L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Load_NumericBsnWithoutPadRule_FlagsColumn()
    {
        var load = await SourceLoad.RunAsync(Sqlite("SELECT bsn, postcode, huisnummer FROM persons", Field("bsn", "bsn"), Address("postcode", "huisnummer")), _folder.Path);

        Assert.Equal(2, load.RejectedRows("bsn:NumericValue"));
        Assert.Equal(0, load.Report.RowsIndexed);
        Assert.Equal("bsn:NumericValue", load.Report.FlaggedFields["bsn"]);
    }

    [Fact]
    public async Task Load_NumericBsnWithPadRule_RestoresLeadingZero()
    {
        var bsn = Field("bsn", "bsn");
        bsn.RestoreLeadingZeros = true;

        var load = await SourceLoad.RunAsync(Sqlite("SELECT bsn FROM persons ORDER BY id", bsn), _folder.Path);

        Assert.Equal([Ids.Bsn("012345672")], load.Records[0].Identifiers);
        Assert.Empty(load.Report.FlaggedFields);
    }

    [Fact]
    public async Task Load_TextColumn_KeepsLeadingZero()
    {
        var load = await SourceLoad.RunAsync(Sqlite("SELECT bsn_text FROM persons ORDER BY id", Field("bsn", "bsn_text")), _folder.Path);

        Assert.Equal([Ids.Bsn("012345672")], load.Records[0].Identifiers);
        Assert.Equal(2, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_IntegerHouseNumber_NeedsNoPadRule()
    {
        var load = await SourceLoad.RunAsync(Sqlite("SELECT postcode, huisnummer FROM persons", Address("postcode", "huisnummer")), _folder.Path);

        Assert.Equal([Ids.Address("1234AB", "12")], load.Records.Single().Identifiers);
        Assert.Equal(1, load.RejectedRows("no-identifier"));
    }

    [Fact]
    public async Task Load_FractionalNumber_IsRejected()
    {
        var branch = Field("vestigingsnummer", "vestigingsnummer");
        branch.RestoreLeadingZeros = true;

        var load = await SourceLoad.RunAsync(Sqlite("SELECT bsn_text, vestigingsnummer FROM persons WHERE id = 1", Field("bsn", "bsn_text"), branch), _folder.Path);

        Assert.Equal(1, load.RejectedIdentifiers("vestigingsnummer:NumericValue"));
        Assert.Equal(1, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_TextDateColumn_GivesNameKey()
    {
        var load = await SourceLoad.RunAsync(Sqlite("SELECT achternaam, geboortedatum FROM persons WHERE id = 1", Name("achternaam", "geboortedatum")), _folder.Path);

        Assert.Equal([Ids.Name("Jansen", "1985-03-07")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_RelativeDatabasePath_ResolvesAgainstContentRoot()
    {
        Assert.NotEqual(_folder.Path, Directory.GetCurrentDirectory());

        var source = SourceLoad.Create(Sqlite("SELECT bsn_text FROM persons", Field("bsn", "bsn_text")), _folder.Path);
        var load = await SourceLoad.RunAsync(source);

        Assert.Equal(2, load.Report.RowsIndexed);
        Assert.Empty(source.WatchedFiles);
    }

    [Fact]
    public async Task Load_WritingQuery_FailsAndLeavesDatabaseUnchanged()
    {
        var (exception, _, _) = await SourceLoad.RunFailingAsync(Sqlite("DELETE FROM persons RETURNING bsn_text", Field("bsn", "bsn_text")), _folder.Path);

        Assert.Contains("SQLite error", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await CountRowsAsync());
    }

    [Fact]
    public async Task Load_MissingDatabase_Fails()
    {
        var options = Sqlite("SELECT bsn_text FROM persons", Field("bsn", "bsn_text"));
        options.Sql.ConnectionString = "Data Source=db/absent.db";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options, _folder.Path);

        Assert.Contains("Connecting to the Sqlite database", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Combine("db", "absent.db")));
    }

    [Fact]
    public async Task Load_UnknownColumnInMapping_FailsNamingIt()
    {
        var (exception, _, _) = await SourceLoad.RunFailingAsync(Sqlite("SELECT bsn_text FROM persons", Field("bsn", "burgerservicenummer")), _folder.Path);

        Assert.Contains("'burgerservicenummer'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ConnectionStringFromEnvironment_Reads()
    {
        var variable = $"GSO_TEST_SQLITE_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, $"Data Source={_folder.Combine(DatabaseFile)}");
        try
        {
            var options = Sqlite("SELECT bsn_text FROM persons", Field("bsn", "bsn_text"));
            options.Sql.ConnectionString = null;
            options.Sql.ConnectionStringEnvironmentVariable = variable;

            var load = await SourceLoad.RunAsync(options, _folder.Path);

            Assert.Equal(2, load.Report.RowsIndexed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Load_UnsetEnvironmentVariable_FailsNamingVariable()
    {
        var variable = $"GSO_TEST_SQLITE_{Guid.NewGuid():N}";
        var options = Sqlite("SELECT bsn_text FROM persons", Field("bsn", "bsn_text"));
        options.Sql.ConnectionString = null;
        options.Sql.ConnectionStringEnvironmentVariable = variable;

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options, _folder.Path);

        Assert.Contains(variable, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ConnectionStringFile_StaysOutOfMessages()
    {
        _folder.WriteFile("secrets/source.txt", "Data Source=db/source.db;Cache=Private\n");
        var options = Sqlite("SELECT no_such_column FROM persons", Field("bsn", "no_such_column"));
        options.Sql.ConnectionString = null;
        options.Sql.ConnectionStringFile = "secrets/source.txt";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options, _folder.Path);

        Assert.Contains("SQLite error", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cache=Private", exception.Message, StringComparison.Ordinal);
    }

    private static SourceOptions Sqlite(string query, params IdentifierMappingOptions[] mappings) => new()
    {
        Name = "test-sqlite",
        Kind = SourceKind.Sql,
        Sql = new SqlSourceOptions { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={DatabaseFile}", Query = query },
        Identifiers = [.. mappings],
    };

    private async Task<object?> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.Combine(DatabaseFile)};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new SqliteCommand("SELECT COUNT(*) FROM persons", connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
