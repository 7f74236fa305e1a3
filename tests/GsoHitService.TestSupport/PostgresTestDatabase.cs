using Npgsql;
using Xunit;

namespace GsoHitService.TestSupport;

/// <summary>
/// A fresh PostgreSQL database for one test class, created on the server named by the
/// environment variable <see cref="ConnectionStringVariable"/> and dropped on dispose. Use it as
/// a class fixture: <c>IClassFixture&lt;PostgresTestDatabase&gt;</c>.
/// </summary>
/// <remarks>
/// Without the variable, a test that reads <see cref="ConnectionString"/> is skipped on a
/// developer machine, and fails when the environment variable <c>CI</c> is set, because CI
/// promises a PostgreSQL server and a skipped test there would hide a broken set-up.
/// </remarks>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>
    /// Environment variable with the connection string of a role that may create databases.
    /// </summary>
    public const string ConnectionStringVariable = "GSO_TEST_POSTGRES";

    private string? _connectionString;
    private string? _administrationConnectionString;

    /// <summary>The name of the database made for this test class.</summary>
    public string? DatabaseName { get; private set; }

    /// <summary>
    /// The connection string of the fresh database. Skips the calling test when no server is
    /// configured, or fails it when <c>CI</c> is set.
    /// </summary>
    public string ConnectionString
    {
        get
        {
            if (_connectionString is not null)
            {
                return _connectionString;
            }

            var message = $"PostgreSQL tests need the environment variable {ConnectionStringVariable} with a connection string of a role that may create databases.";
            if (IsContinuousIntegration)
            {
                Assert.Fail($"{message} CI is set, so the test fails instead of being skipped: .ci/run must start PostgreSQL and set {ConnectionStringVariable}.");
            }

            Assert.Skip(message);
            return string.Empty;
        }
    }

    private static bool IsContinuousIntegration => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Creates the database when a server is configured.</summary>
    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return;
        }

        _administrationConnectionString = configured;
        DatabaseName = $"gso_test_{Guid.NewGuid():N}";

        await using (var connection = new NpgsqlConnection(configured))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(configured) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>Drops the database, closing connections that tests left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null || _administrationConnectionString is null)
        {
            return;
        }

        // Pooled connections to the database would otherwise keep it from being dropped.
        await using (var pooled = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_administrationConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        _connectionString = null;
    }
}
