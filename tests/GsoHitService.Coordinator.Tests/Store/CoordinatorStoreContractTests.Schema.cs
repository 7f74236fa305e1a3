using GsoHitService.Coordinator.Store;
using GsoHitService.Coordinator.Store.Migrations;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task Open_EmptyDatabase_AppliesEveryMigration()
    {
        var options = await NewDatabaseAsync();
        var expected = MigrationCatalog.Load(Backend.Provider).Select(migration => migration.Version).ToArray();

        await using (await OpenAsync(options))
        {
        }

        await using var raw = await OpenRawAsync(options);
        var versions = await QueryRawAsync(raw, "SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(expected, versions.Select(row => Convert.ToInt32(row[0])).ToArray());
    }

    [Fact]
    public async Task Open_SecondTime_AppliesNothingAndKeepsData()
    {
        var options = await NewDatabaseAsync();
        Domain.SignalId registered;
        await using (var store = await OpenAsync(options))
        {
            registered = (await store.RegisterSignalAsync(StoreTestData.Signal(), Token)).Id;
        }

        await using var firstRaw = await OpenRawAsync(options);
        var before = await QueryRawAsync(firstRaw, "SELECT version, applied_at FROM schema_migrations ORDER BY version");
        await firstRaw.DisposeAsync();

        Time.Advance(TimeSpan.FromHours(1));
        await using (var store = await OpenAsync(options))
        {
            Assert.NotNull(await store.GetSignalAsync(registered, Token));
        }

        await using var secondRaw = await OpenRawAsync(options);
        var after = await QueryRawAsync(secondRaw, "SELECT version, applied_at FROM schema_migrations ORDER BY version");
        Assert.Equal(StoreTestData.Json(before), StoreTestData.Json(after));
    }

    [Fact]
    public async Task Open_ConcurrentStarts_MigrateOnce()
    {
        var options = await NewDatabaseAsync();
        await using (await OpenAsync(options))
        {
            // Creates the data-key file first, so the concurrent starts below share one key.
        }

        var fresh = await NewDatabaseAsync();
        fresh.DataKeyFile = options.DataKeyFile;
        fresh.CreateDataKeyIfMissing = false;

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync(fresh), Token)));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await using var raw = await OpenRawAsync(fresh);
        var versions = await QueryRawAsync(raw, "SELECT version FROM schema_migrations");
        Assert.Equal(MigrationCatalog.Load(Backend.Provider).Count, versions.Count);
    }

    [Fact]
    public async Task Open_SchemaNewerThanCode_IsRejected()
    {
        var options = await NewDatabaseAsync();
        await using (await OpenAsync(options))
        {
        }

        await using (var raw = await OpenRawAsync(options))
        {
            await ExecuteRawAsync(
                raw,
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) SELECT 999, 'future', 'x', applied_at FROM schema_migrations WHERE version = 1");
        }

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => OpenAsync(options));

        Assert.Equal(StoreError.SchemaMismatch, exception.Error);
        Assert.Contains("schema version 999", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AppliedMigrationChanged_IsRejected()
    {
        var options = await NewDatabaseAsync();
        await using (await OpenAsync(options))
        {
        }

        await using (var raw = await OpenRawAsync(options))
        {
            await ExecuteRawAsync(raw, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => OpenAsync(options));

        Assert.Equal(StoreError.SchemaMismatch, exception.Error);
        Assert.Contains("migration 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_AfterDispose_ThrowsObjectDisposed()
    {
        var store = await OpenNewAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RegisterSignalAsync(StoreTestData.Signal(), Token));
    }
}
