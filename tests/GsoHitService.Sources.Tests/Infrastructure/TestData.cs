namespace GsoHitService.Sources.Tests.Infrastructure;

/// <summary>Paths to the test data under the repository's <c>data/</c> folder.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindDataFolder);

    public static string DataFolder => Root.Value;

    public static string Path(params string[] relativePath) => System.IO.Path.Combine([DataFolder, .. relativePath]);

    private static string FindDataFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "GsoHitService.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, "data");
            }
        }

        throw new InvalidOperationException("The repository root (with GsoHitService.sln) was not found above the test binaries.");
    }
}
