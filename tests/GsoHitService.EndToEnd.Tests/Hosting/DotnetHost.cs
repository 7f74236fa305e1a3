using System.Runtime.InteropServices;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>The <c>dotnet</c> executable of the installation that runs the tests.</summary>
internal static class DotnetHost
{
    private static readonly Lazy<string> PathInstance = new(Find);

    /// <summary>The absolute path of the <c>dotnet</c> executable.</summary>
    public static string Path => PathInstance.Value;

    /// <summary>
    /// Takes <c>DOTNET_HOST_PATH</c>, which the .NET SDK sets for the processes that
    /// <c>dotnet test</c> starts, or else the <c>dotnet</c> executable three folders above the
    /// running runtime (<c>shared/Microsoft.NETCore.App/VERSION</c>).
    /// </summary>
    private static string Find()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        var installRoot = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeFolder, "..", "..", ".."));
        var candidate = System.IO.Path.Combine(installRoot, "dotnet");
        Assert.True(File.Exists(candidate), $"No dotnet executable found: DOTNET_HOST_PATH is not set and {candidate} does not exist.");
        return candidate;
    }
}
