using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// Opens the store when the host starts, before any other hosted service and before Kestrel
/// accepts calls, and marks queries that a previous run left in progress as interrupted.
/// </summary>
internal sealed class CoordinatorStoreStartup(
    IOptions<CoordinatorStoreOptions> options,
    IHostEnvironment environment,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider) : IHostedLifecycleService, IAsyncDisposable
{
    private ICoordinatorStore? _store;

    /// <summary>The opened store.</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public ICoordinatorStore Store =>
        _store ?? throw new InvalidOperationException("The coordinator store is not open yet; it opens when the host starts.");

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var store = await CoordinatorStoreFactory.OpenAsync(
            options.Value,
            environment.ContentRootPath,
            loggerFactory,
            timeProvider,
            cancellationToken);

        // One coordinator runs per municipality, so a query still in progress now was cut off by the last stop.
        await store.InterruptUnfinishedHitQueriesAsync(cancellationToken);
        _store = store;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
