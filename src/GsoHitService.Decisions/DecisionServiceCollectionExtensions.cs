using GsoHitService.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers decision verification in an agent.
/// </summary>
public static class DecisionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CoreTeamOptions"/> from <paramref name="coreTeamSection"/> (validated at
    /// start-up), and registers <see cref="CoreTeamRoster"/>, the <see cref="DecisionUseRecord"/> at
    /// <paramref name="useRecordPath"/> and <see cref="DecisionVerifier"/> as singletons. Uses the
    /// registered <see cref="TimeProvider"/>, or <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <remarks>
    /// The use record is opened when it is first resolved; resolve <see cref="DecisionVerifier"/>
    /// at start-up so that a damaged or locked record stops the agent before it serves requests.
    /// </remarks>
    public static IServiceCollection AddDecisionVerification(this IServiceCollection services, IConfiguration coreTeamSection, string useRecordPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(coreTeamSection);
        ArgumentException.ThrowIfNullOrEmpty(useRecordPath);

        services.AddOptions<CoreTeamOptions>().Bind(coreTeamSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoreTeamOptions>, CoreTeamOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => CoreTeamRoster.Create(provider.GetRequiredService<IOptions<CoreTeamOptions>>().Value));
        services.TryAddSingleton(provider => DecisionUseRecord.Open(
            useRecordPath,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DecisionUseRecord>>()));
        services.TryAddSingleton<DecisionVerifier>();
        return services;
    }
}
