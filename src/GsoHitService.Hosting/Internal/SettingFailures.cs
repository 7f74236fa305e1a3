using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Collects option validation failures, each followed by where the setting is configured.
/// </summary>
internal sealed class SettingFailures(IConfiguration configuration)
{
    private readonly List<string> _failures = [];

    public void Add(string setting, string message) =>
        _failures.Add($"{message} [{setting} {ConfigurationOrigin.Describe(configuration, setting)}]");

    public ValidateOptionsResult ToResult() =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
