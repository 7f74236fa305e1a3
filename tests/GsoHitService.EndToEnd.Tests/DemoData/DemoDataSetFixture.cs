using GsoHitService.Demo.Data;
using GsoHitService.Sources;
using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.DemoData;

/// <summary>
/// The demo exports written once into a temporary folder, shared by the tests of one class.
/// </summary>
public sealed class DemoDataSetFixture : IDisposable
{
    private readonly TempDirectory _folder = new();

    public DemoDataSetFixture()
    {
        Files = DemoDataSet.WriteTo(_folder.Path);
    }

    public DemoDataSetFiles Files { get; }

    public string Folder => _folder.Path;

    /// <summary>Full path of one export, by source name.</summary>
    public string PathOf(string sourceName) =>
        Files.Departments.SelectMany(department => department.Files).Single(file => file.SourceName == sourceName).Path;

    /// <summary>One export's description, by source name.</summary>
    public DemoExportFile FileOf(string sourceName) =>
        Files.Departments.SelectMany(department => department.Files).Single(file => file.SourceName == sourceName);

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// Loads a department's exports through the real source connectors, configured with
/// <see cref="DemoSourceOptions"/>, as the demo agent does.
/// </summary>
internal static class DemoSourceLoader
{
    public static async Task<IReadOnlyList<LoadedSource>> LoadAsync(DemoDepartmentData department, TimeProvider? timeProvider = null)
    {
        var factory = new SourceFactory(Path.GetTempPath(), timeProvider: timeProvider);
        var loaded = new List<LoadedSource>();
        foreach (var source in factory.CreateAll(DemoSourceOptions.For(department)))
        {
            var report = new ImportReport(source.Name);
            var records = new List<MappedRecord>();
            await foreach (var record in source.ReadAsync(report, includeReleasableFields: false, TestContext.Current.CancellationToken))
            {
                records.Add(record);
            }

            loaded.Add(new LoadedSource(source, report, records));
        }

        return loaded;
    }
}

internal sealed record LoadedSource(IDepartmentSource Source, ImportReport Report, IReadOnlyList<MappedRecord> Records);

/// <summary>A clock fixed at one instant, to show that the expected answers do not change with time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Paths into the repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string DataFile(string relativePath)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GsoHitService.sln")))
        {
            folder = folder.Parent;
        }

        return folder is null
            ? throw new InvalidOperationException($"No GsoHitService.sln above {AppContext.BaseDirectory}; run the tests from the repository.")
            : Path.Combine(folder.FullName, "data", relativePath);
    }
}
