using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.FileProviders;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Names where a configuration setting comes from, so that a start-up error can name the file
/// (or environment variable, or command-line argument) to correct.
/// </summary>
internal static class ConfigurationOrigin
{
    /// <summary>
    /// Returns a phrase such as "in /opt/gso/appsettings.json" for the source that supplies
    /// <paramref name="key"/> (the last one wins, as in configuration itself), or names the
    /// configuration files where it can be added when no source sets it.
    /// </summary>
    public static string Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "in the configuration";
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (Supplies(provider, key))
            {
                return DescribeProvider(provider, key);
            }
        }

        // Optional configuration files that do not exist are not worth suggesting.
        var files = root.Providers.OfType<FileConfigurationProvider>().Select(FilePath).ToList();
        var existing = files.Where(File.Exists).ToList();
        var suggested = existing.Count > 0 ? existing : files.Take(1).ToList();
        return suggested.Count == 0
            ? "(not set in any configuration source)"
            : $"(not set; add it to {string.Join(" or ", suggested)})";
    }

    private static bool Supplies(IConfigurationProvider provider, string key)
    {
        // A list or section has no value of its own, only child keys.
        return provider.TryGet(key, out _)
            || provider.GetChildKeys([], key).Any();
    }

    private static string DescribeProvider(IConfigurationProvider provider, string key) => provider switch
    {
        FileConfigurationProvider file => $"in {FilePath(file)}",
        EnvironmentVariablesConfigurationProvider => $"in an environment variable ({key.Replace(":", "__", StringComparison.Ordinal)})",
        CommandLineConfigurationProvider => "on the command line",
        _ => $"in {provider}",
    };

    private static string FilePath(FileConfigurationProvider provider)
    {
        var relative = provider.Source.Path ?? "(unnamed file)";
        return provider.Source.FileProvider is PhysicalFileProvider physical
            ? Path.Combine(physical.Root, relative)
            : relative;
    }
}
