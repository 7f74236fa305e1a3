using GsoHitService.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting;

/// <summary>
/// Registers the gRPC client side used by the coordinator to call agents.
/// </summary>
public static class MutualTlsClientExtensions
{
    /// <summary>
    /// Binds <see cref="MutualTlsClientOptions"/> from <paramref name="sectionName"/>, validates
    /// them when the host starts (the client certificate must load and its private key must be
    /// usable by this account, the CA must load), and registers one
    /// <see cref="MutualTlsChannelProvider"/> for the whole process.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="sectionName">The configuration section with the client settings.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddMutualTlsGrpcClient(this IHostApplicationBuilder builder, string sectionName = "AgentClient")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ClientSettingsSection(sectionName));

        services.AddOptions<MutualTlsClientOptions>()
            .Bind(builder.Configuration.GetSection(sectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MutualTlsClientOptions>, MutualTlsClientOptionsValidator>();

        services.AddSingleton(provider => new MutualTlsChannelProvider(
            provider.GetRequiredService<IOptions<MutualTlsClientOptions>>(),
            provider.GetRequiredService<IHostEnvironment>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            sectionName));

        return services;
    }
}
