using GsoHitService.TestSupport;
using Npgsql;

namespace GsoHitService.Hosting.Tests;

public sealed class TempDirectoryTests
{
    [Fact]
    public void Dispose_FolderWithFiles_DeletesFolder()
    {
        var folder = new TempDirectory();
        folder.WriteFile("sub/file.txt", "x");

        folder.Dispose();

        Assert.False(Directory.Exists(folder.Path));
    }
}

public sealed class PostgresTestDatabaseTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task ConnectionString_ConfiguredServer_OpensFreshEmptyDatabase()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT current_database(), (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public')", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(database.DatabaseName, reader.GetString(0));
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task DisposeAsync_CreatedDatabase_IsDropped()
    {
        var administration = Environment.GetEnvironmentVariable(PostgresTestDatabase.ConnectionStringVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(administration) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "No PostgreSQL server configured.");
        var other = new PostgresTestDatabase();
        await other.InitializeAsync();
        var name = other.DatabaseName;
        await using (var connection = new NpgsqlConnection(other.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        await other.DisposeAsync();

        await using var check = new NpgsqlConnection(administration);
        await check.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", check);
        command.Parameters.AddWithValue("name", name!);
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
