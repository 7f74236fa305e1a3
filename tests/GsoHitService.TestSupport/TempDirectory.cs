namespace GsoHitService.TestSupport;

/// <summary>
/// A new, empty folder under the system's temporary folder, deleted with its contents on dispose.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gso-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; }

    /// <summary>Returns the absolute path of <paramref name="relativePath"/> inside the folder.</summary>
    public string Combine(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    /// <summary>Writes a text file inside the folder and returns its absolute path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
