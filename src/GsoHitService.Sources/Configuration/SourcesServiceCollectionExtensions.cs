using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GsoHitService.Sources.Configuration;

/// <summary>Registers the department source options with validation at start-up.</summary>
public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DepartmentSourcesOptions"/> to <paramref name="sectionPath"/> (so the sources are
    /// at <c>Agent:Sources</c> by default) and validates them when the host starts, so that a wrong
    /// setting stops the agent with a message that names it.
    /// </summary>
    public static OptionsBuilder<DepartmentSourcesOptions> AddDepartmentSourceOptions(
        this IServiceCollection services,
        string sectionPath = DepartmentSourcesOptions.DefaultSectionPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<DepartmentSourcesOptions>>(new DepartmentSourcesOptionsValidator(sectionPath));
        return services.AddOptions<DepartmentSourcesOptions>()
            .BindConfiguration(sectionPath)
            .ValidateOnStart();
    }
}
