using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// A throwaway install folder: a copy of the built agent or coordinator, to which a test adds
/// <c>appsettings.json</c>, certificates and keys, as an operator does in <c>/opt/gso-agent</c>.
/// The executables use their own folder as content root, so these files must sit next to the DLL.
/// </summary>
internal sealed class InstallFolder : IDisposable
{
    private InstallFolder(TempDirectory directory, string entryAssemblyName)
    {
        Directory = directory;
        EntryAssemblyPath = directory.Combine(entryAssemblyName + ".dll");
        ExecutablePath = directory.Combine(entryAssemblyName);
    }

    public TempDirectory Directory { get; }

    public string Path => Directory.Path;

    /// <summary>The DLL that <c>dotnet</c> runs, for example <c>GsoHitService.Agent.dll</c>.</summary>
    public string EntryAssemblyPath { get; }

    /// <summary>The executable (.NET application host) that a systemd unit's <c>ExecStart=</c> names.</summary>
    public string ExecutablePath { get; }

    /// <summary>Copies the build output of <paramref name="entryAssemblyName"/> into a new folder.</summary>
    /// <remarks>
    /// The source is this test's own output folder. The test project references the Agent and
    /// Coordinator projects, so the build copies their DLLs with their <c>.deps.json</c> and
    /// <c>.runtimeconfig.json</c> and every dependency there, in the configuration and at the path
    /// that this test run uses. <c>src/*/bin/CONFIGURATION/net10.0</c> would depend on the default
    /// output layout and could be stale after <c>dotnet build -o</c>. Every file is copied, the
    /// test's own assemblies too, because the host loads only what the service's <c>.deps.json</c>
    /// lists. The <c>appsettings*.json</c> files are left out, because they belong to the
    /// coordinator's project and the test writes its own.
    /// </remarks>
    public static InstallFolder Create(string entryAssemblyName)
    {
        var source = AppContext.BaseDirectory;
        foreach (var required in new[] { "", ".dll", ".deps.json", ".runtimeconfig.json" })
        {
            var path = System.IO.Path.Combine(source, entryAssemblyName + required);
            Assert.True(File.Exists(path), $"{path} is missing from the test's output folder. Build the test project, which builds the agent and the coordinator.");
        }

        var directory = new TempDirectory();
        try
        {
            CopyFolder(source, directory.Path, isRoot: true);
            return new InstallFolder(directory, entryAssemblyName);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public string Combine(params string[] relativePath) => Directory.Combine(relativePath);

    /// <summary>
    /// Lists every file with its size and last write time, to compare before and after a run of a
    /// service that must not write into its install folder.
    /// </summary>
    public IReadOnlyList<string> ListFiles() =>
        [.. System.IO.Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(file => new FileInfo(file))
            .Select(file => $"{System.IO.Path.GetRelativePath(Path, file.FullName)} ({file.Length} bytes, {file.LastWriteTimeUtc:O})")
            .Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Dispose();

    private static void CopyFolder(string source, string target, bool isRoot)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            var name = System.IO.Path.GetFileName(file);
            if (isRoot && name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            File.Copy(file, System.IO.Path.Combine(target, name));
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, System.IO.Path.Combine(target, System.IO.Path.GetFileName(folder)), isRoot: false);
        }
    }
}
