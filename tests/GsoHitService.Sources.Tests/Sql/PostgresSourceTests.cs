using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Npgsql;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Sql;

/// <summary>
/// SQL sources on a real PostgreSQL server: <c>character(n)</c> padding is trimmed, an integer BSN
/// column needs a pad rule, and the query runs in a read-only transaction.
/// </summary>
public sealed class PostgresSourceTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS persons (
            id serial PRIMARY KEY,
            bsn_int integer,
            bsn_char character(10),
            bsn_varchar varchar(20),
            postcode character(12),
            huisnummer integer,
            achternaam text,
            geboortedatum date);
        TRUNCATE persons;
        INSERT INTO persons (bsn_int, bsn_char, bsn_varchar, postcode, huisnummer, achternaam, geboortedatum)
        VALUES (12345672, '012345672', '012345672', '1234AB', 12, 'Jansen', DATE '1985-03-07');
        """;

    [Fact]
    public async Task Load_CharacterColumns_AreTrimmed()
    {
        await CreateTableAsync();
        var options = Postgres("SELECT bsn_char, postcode, huisnummer FROM persons", Field("bsn", "bsn_char"), Address("postcode", "huisnummer"));
        options.ReleasableFields["postcode"] = ["postcode"];

        var load = await SourceLoad.RunAsync(options, includeReleasableFields: true);

        var record = load.Records.Single();
        Assert.Equal([Ids.Bsn("012345672"), Ids.Address("1234AB", "12")], record.Identifiers);
        Assert.Equal("1234AB", record.ReleasableFields["postcode"]);
    }

    [Fact]
    public async Task Load_IntegerBsnWithoutPadRule_FlagsColumn()
    {
        await CreateTableAsync();

        var load = await SourceLoad.RunAsync(Postgres("SELECT bsn_int, bsn_varchar FROM persons", Field("bsn", "bsn_int"), Field("bsn", "bsn_varchar")));

        Assert.Equal(1, load.RejectedRows("bsn:NumericValue"));
        Assert.Equal("bsn:NumericValue", load.Report.FlaggedFields["bsn_int"]);
    }

    [Fact]
    public async Task Load_IntegerBsnWithPadRule_RestoresLeadingZero()
    {
        await CreateTableAsync();
        var bsn = Field("bsn", "bsn_int");
        bsn.RestoreLeadingZeros = true;

        var load = await SourceLoad.RunAsync(Postgres("SELECT bsn_int FROM persons", bsn));

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_DateColumn_GivesNameKey()
    {
        await CreateTableAsync();

        var load = await SourceLoad.RunAsync(Postgres("SELECT achternaam, geboortedatum FROM persons", Name("achternaam", "geboortedatum")));

        Assert.Equal([Ids.Name("Jansen", "1985-03-07")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_WritingQuery_FailsInReadOnlyTransaction()
    {
        await CreateTableAsync();

        var (exception, _, _) = await SourceLoad.RunFailingAsync(
            SourceLoad.Create(Postgres("INSERT INTO persons (bsn_varchar) VALUES ('111222333') RETURNING bsn_varchar", Field("bsn", "bsn_varchar"))));

        Assert.Contains("PostgreSQL error 25006", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM persons"));
    }

    [Fact]
    public async Task Load_WrongPassword_FailsWithoutConnectionString()
    {
        var options = Postgres("SELECT 1", Field("bsn", "bsn"));
        options.Sql.ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password-4711" }.ConnectionString;

        var (exception, _, _) = await SourceLoad.RunFailingAsync(SourceLoad.Create(options));

        Assert.Contains("Connecting to the PostgreSql database", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-4711", exception.Message, StringComparison.Ordinal);
    }

    private SourceOptions Postgres(string query, params IdentifierMappingOptions[] mappings) => new()
    {
        Name = "test-postgres",
        Kind = SourceKind.Sql,
        Sql = new SqlSourceOptions { Provider = SqlProvider.PostgreSql, ConnectionString = database.ConnectionString, Query = query },
        Identifiers = [.. mappings],
    };

    private async Task CreateTableAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(Table, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
