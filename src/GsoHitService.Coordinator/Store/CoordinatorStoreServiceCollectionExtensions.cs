using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Store;

/// <summary>Registers the coordinator's store with the host.</summary>
public static class CoordinatorStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CoordinatorStoreOptions"/> from the <c>Coordinator:Store</c> section,
    /// validates them at start-up, opens the store when the host starts and registers
    /// <see cref="ICoordinatorStore"/> as a singleton that is usable once the host has started.
    /// </summary>
    public static IServiceCollection AddCoordinatorStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CoordinatorStoreOptions>()
            .Bind(configuration.GetSection(CoordinatorStoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoordinatorStoreOptions>, CoordinatorStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<CoordinatorStoreStartup>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<CoordinatorStoreStartup>());
        services.AddSingleton(provider => provider.GetRequiredService<CoordinatorStoreStartup>().Store);
        return services;
    }
}
