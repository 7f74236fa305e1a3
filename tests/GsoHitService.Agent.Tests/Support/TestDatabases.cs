using Microsoft.Data.Sqlite;

namespace GsoHitService.Agent.Tests.Support;

internal static class TestDatabases
{
    /// <summary>Creates a SQLite database file with one table and rows.</summary>
    public static void CreateSqlite(string path, string createTable, IEnumerable<string> inserts)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var statement in inserts.Prepend(createTable))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }
}
