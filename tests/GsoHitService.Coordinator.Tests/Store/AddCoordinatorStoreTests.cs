using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class AddCoordinatorStoreTests : IDisposable
{
    private readonly TempDirectory _contentRoot = new();

    public void Dispose() => _contentRoot.Dispose();

    [Fact]
    public async Task HostStart_ValidOptions_OpensStore()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Coordinator:Store:DataFolder"] = "state",
            ["Coordinator:Store:DataKeyFile"] = "secrets/data.key",
            ["Coordinator:Store:CreateDataKeyIfMissing"] = "true",
        });

        await host.StartAsync(TestContext.Current.CancellationToken);
        var store = host.Services.GetRequiredService<ICoordinatorStore>();
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(_contentRoot.Combine("state", "coordinator.db")));
        Assert.True(File.Exists(_contentRoot.Combine("secrets", "data.key")));
        Assert.NotNull(signal);
    }

    [Fact]
    public async Task HostStart_UnfinishedQuery_MarksInterrupted()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coordinator:Store:DataFolder"] = "state",
            ["Coordinator:Store:DataKeyFile"] = "secrets/data.key",
            ["Coordinator:Store:CreateDataKeyIfMissing"] = "true",
        };

        HitQueryId queryId;
        using (var first = BuildHost(settings))
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            var store = first.Services.GetRequiredService<ICoordinatorStore>();
            var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), TestContext.Current.CancellationToken);
            var decision = await store.RecordDecisionAsync(StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp), TestContext.Current.CancellationToken);
            queryId = (await store.StartHitQueryAsync(new NewHitQuery(signal.Id, decision.Id, [StoreTestData.Brp]), TestContext.Current.CancellationToken)).Id;
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        using var second = BuildHost(settings);
        await second.StartAsync(TestContext.Current.CancellationToken);
        var query = await second.Services.GetRequiredService<ICoordinatorStore>().GetHitQueryAsync(queryId, TestContext.Current.CancellationToken);
        await second.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HitQueryState.Interrupted, query!.State);
    }

    [Fact]
    public async Task HostStart_InvalidOptions_FailsWithTheProblem()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Coordinator:Store:Provider"] = "PostgreSql" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(exception.Failures, failure => failure.Contains("DataKeyFile is missing", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Store_BeforeHostStart_ThrowsInvalidOperation()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Coordinator:Store:DataKeyFile"] = "k.key" });

        Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<ICoordinatorStore>());
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _contentRoot.Path,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCoordinatorStore(builder.Configuration);
        return builder.Build();
    }
}
