using Microsoft.Extensions.Options;

namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Validates <see cref="DepartmentSourcesOptions"/> at start-up. Each failure names the setting by its
/// full configuration path and states what to change.
/// </summary>
/// <param name="sectionPath">Configuration section that the options are bound to, for the paths in messages.</param>
public sealed class DepartmentSourcesOptionsValidator(string sectionPath = DepartmentSourcesOptions.DefaultSectionPath)
    : IValidateOptions<DepartmentSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, DepartmentSourcesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = SourceOptionsValidation.Validate(options.Sources, $"{sectionPath}:Sources");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
