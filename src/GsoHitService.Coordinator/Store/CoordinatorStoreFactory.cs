using GsoHitService.Coordinator.Store.Encryption;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// Opens the coordinator's store: loads the data-key file, connects to the configured database,
/// applies pending migrations and checks the data keys. Used by the host at start-up, and by tools
/// and tests that need a store without a host.
/// </summary>
public static class CoordinatorStoreFactory
{
    /// <summary>Opens the store that <paramref name="options"/> configure, ready for use.</summary>
    /// <param name="options">The store options; relative paths are resolved against <paramref name="contentRootPath"/>.</param>
    /// <param name="contentRootPath">The host's content root.</param>
    /// <param name="loggerFactory">Creates the store's logger.</param>
    /// <param name="timeProvider">The clock for every timestamp the store assigns.</param>
    /// <param name="cancellationToken">Cancels opening and migrating.</param>
    /// <exception cref="InvalidOperationException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="DataKeyFileException">The data-key file is missing, too widely accessible or malformed.</exception>
    /// <exception cref="CoordinatorStoreException">The schema is newer than this code, or the data key does not fit the database.</exception>
    public static async Task<ICoordinatorStore> OpenAsync(
        CoordinatorStoreOptions options,
        string contentRootPath,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var problems = StoreSettings.Resolve(options, contentRootPath, Environment.GetEnvironmentVariable, out var settings);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The coordinator store options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return await OpenAsync(settings!, loggerFactory, timeProvider, cancellationToken);
    }

    internal static async Task<AdoCoordinatorStore> OpenAsync(
        StoreSettings settings,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<ICoordinatorStore>();

        var keys = DataKeyFile.Load(settings.DataKeyFile, settings.CreateDataKeyIfMissing, timeProvider, out var created);
        if (created)
        {
            StoreLog.DataKeyFileCreated(logger, settings.DataKeyFile, keys.Current.Id);
        }

        AdoCoordinatorStore store;
        try
        {
            store = settings.Provider switch
            {
                StoreProvider.Sqlite => new SqliteCoordinatorStore(settings, keys, timeProvider, logger),
                StoreProvider.PostgreSql => new PostgresCoordinatorStore(settings, keys, timeProvider, logger),
                _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown store provider."),
            };
        }
        catch
        {
            keys.Dispose();
            throw;
        }

        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
