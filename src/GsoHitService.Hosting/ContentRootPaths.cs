using Microsoft.Extensions.Hosting;

namespace GsoHitService.Hosting;

/// <summary>
/// Resolves paths from configuration against the content root, never against the working
/// directory (for a Windows service that is system32).
/// </summary>
public static class ContentRootPaths
{
    /// <summary>
    /// Returns <paramref name="configuredPath"/> unchanged when it is absolute, and otherwise the
    /// full path relative to the host's content root.
    /// </summary>
    /// <param name="environment">The host environment that supplies the content root.</param>
    /// <param name="configuredPath">A file or folder path as written in configuration.</param>
    /// <exception cref="ArgumentException"><paramref name="configuredPath"/> is empty or white space.</exception>
    public static string ResolvePath(this IHostEnvironment environment, string configuredPath)
    {
        ArgumentNullException.ThrowIfNull(environment);

        return Resolve(environment.ContentRootPath, configuredPath);
    }

    /// <summary>
    /// Returns <paramref name="configuredPath"/> unchanged when it is absolute, and otherwise the
    /// full path relative to <paramref name="contentRoot"/>.
    /// </summary>
    /// <param name="contentRoot">An absolute folder path.</param>
    /// <param name="configuredPath">A file or folder path as written in configuration.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="configuredPath"/> is empty, or <paramref name="contentRoot"/> is not absolute.
    /// </exception>
    public static string Resolve(string contentRoot, string configuredPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuredPath);

        if (!Path.IsPathFullyQualified(contentRoot))
        {
            throw new ArgumentException(
                $"The content root '{contentRoot}' is not an absolute path, so relative paths would depend on the working directory.",
                nameof(contentRoot));
        }

        // Path.GetFullPath with a base path never consults the working directory.
        return Path.GetFullPath(configuredPath, contentRoot);
    }
}
