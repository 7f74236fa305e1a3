using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.FileProviders;

namespace GsoHitService.Agent.Configuration;

/// <summary>
/// Finds where a setting's value came from, so that a start-up error can name the file (or the
/// environment variable or command line) that the operator has to fix.
/// </summary>
internal static class ConfigurationOrigin
{
    /// <summary>
    /// Describes the source of <paramref name="key"/>, for example
    /// <c>/opt/gso-agent/appsettings.json</c>, or states that the default applies.
    /// </summary>
    public static string Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "the configuration";
        }

        // The last provider that has the key wins, as in configuration binding.
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _) && !HasChildren(provider, key))
            {
                continue;
            }

            return provider switch
            {
                FileConfigurationProvider file => DescribeFile(file.Source),
                EnvironmentVariablesConfigurationProvider => $"environment variable {key.Replace(":", "__", StringComparison.Ordinal)}",
                CommandLineConfigurationProvider => "the command line",
                _ => provider.ToString() ?? "the configuration",
            };
        }

        return "no configuration file (the default applies)";
    }

    private static bool HasChildren(IConfigurationProvider provider, string key) =>
        provider.GetChildKeys([], key).Any();

    private static string DescribeFile(FileConfigurationSource source)
    {
        var path = source.Path ?? "(unnamed file)";
        return source.FileProvider is PhysicalFileProvider physical
            ? Path.Combine(physical.Root, path)
            : path;
    }
}
