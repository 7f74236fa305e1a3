using GsoHitService.Coordinator.Store;
using GsoHitService.Coordinator.Store.Migrations;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class MigrationCatalogTests
{
    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void Load_Provider_NumbersMigrationsFromOne(StoreProvider provider)
    {
        var migrations = MigrationCatalog.Load(provider);

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(migration => migration.Version));
        Assert.All(migrations, migration => Assert.Equal(64, migration.Checksum.Length));
        Assert.All(migrations, migration => Assert.DoesNotContain('\r', migration.Sql));
    }

    [Fact]
    public void Load_BothProviders_MatchVersions()
    {
        var sqlite = MigrationCatalog.Load(StoreProvider.Sqlite).Select(migration => (migration.Version, migration.Name));
        var postgres = MigrationCatalog.Load(StoreProvider.PostgreSql).Select(migration => (migration.Version, migration.Name));

        Assert.Equal(sqlite, postgres);
    }
}
