using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Store;

/// <summary>Validates <see cref="CoordinatorStoreOptions"/> at start-up against the host's content root.</summary>
internal sealed class CoordinatorStoreOptionsValidator(IHostEnvironment environment)
    : IValidateOptions<CoordinatorStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, CoordinatorStoreOptions options)
    {
        var problems = StoreSettings.Resolve(options, environment.ContentRootPath, Environment.GetEnvironmentVariable, out _);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
