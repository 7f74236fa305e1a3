using System.Globalization;
using System.Security.Cryptography;
using GsoHitService.Demo.Data;
using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.DemoData;

public sealed class DemoDataSetTests
{
    /// <summary>
    /// SHA-256 of every file, recorded from a run on Linux x64 with .NET 10. Another machine, OS or
    /// .NET version must give the same bytes. When the generator is changed on purpose, record the
    /// new hashes from this test's failure message, and explain the change in the commit.
    /// </summary>
    private static readonly Dictionary<string, string> RecordedHashes = new(StringComparer.Ordinal)
    {
        ["brp/brp-personen.json"] = "76a1a1a43dd96200b955d87a1b23633007fbe64fb532a41fc81cc50f43605017",
        ["brp/LICENCE.txt"] = "2a0822a63a1e977ec2424b91bd54a3b5816f0a259af0299df5e297a3652fc3af",
        ["vergunningen/decos-zaken.json"] = "e3933f1330652552066cbe9d6203983367ed029e5622120d8b8a3d79107b379d",
        ["vergunningen/powerbrowser-zaken.json"] = "c86a96df98637385d5d60cf2217424e2ee81124e0e5db273bedcfcdca4353baf",
        ["belastingen/woz-objecten.csv"] = "e85a8c653829fbf43d7fe94873fc9a1d17c6122e04300132ac7d0af1f9c6d071",
        ["belastingen/aanslagen.csv"] = "4452527a704f48b215f27f8ec1bcbfaba231179d1aabf35ea87f6c405717884f",
        ["sociaal-domein/zorgned-clienten.json"] = "4b2c60b3a9837cf16b2b03a2bf983687f2e34f6d043b142d15057341c63fd565",
    };

    [Fact]
    public void WriteTo_TwoRuns_WriteIdenticalBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DemoDataSet.WriteTo(first.Path);
        DemoDataSet.WriteTo(second.Path);

        var firstFiles = RelativeFiles(first.Path);
        Assert.Equal(firstFiles, RelativeFiles(second.Path));
        foreach (var file in firstFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, file))),
                $"{file} differs between two runs.");
        }
    }

    [Fact]
    public void WriteTo_Files_HaveRecordedHashes()
    {
        using var folder = new TempDirectory();

        DemoDataSet.WriteTo(folder.Path);

        var actual = RelativeFiles(folder.Path).ToDictionary(file => file, file => Sha256(Path.Combine(folder.Path, file)), StringComparer.Ordinal);
        var listing = string.Join(Environment.NewLine, actual.Select(entry => $"[\"{entry.Key}\"] = \"{entry.Value}\","));
        Assert.True(
            actual.Count == RecordedHashes.Count && actual.All(entry => RecordedHashes.GetValueOrDefault(entry.Key) == entry.Value),
            $"The demo exports differ from the recorded ones. Actual hashes:{Environment.NewLine}{listing}");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fa-IR")]
    [InlineData("nl-NL")]
    public void WriteTo_OtherCulture_WritesSameBytes(string cultureName)
    {
        using var invariantFolder = new TempDirectory();
        using var cultureFolder = new TempDirectory();
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            DemoDataSet.WriteTo(invariantFolder.Path);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
            DemoDataSet.WriteTo(cultureFolder.Path);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }

        foreach (var file in RelativeFiles(invariantFolder.Path))
        {
            Assert.Equal(Sha256(Path.Combine(invariantFolder.Path, file)), Sha256(Path.Combine(cultureFolder.Path, file)));
        }
    }

    [Fact]
    public void WriteTo_BrpExport_CopiesRepositoryFile()
    {
        using var folder = new TempDirectory();

        var files = DemoDataSet.WriteTo(folder.Path);

        var written = files.Department(DemoDepartments.Brp).Files.Single().Path;
        var original = RepositoryFiles.DataFile("brp-bevragen/brp-personen-mock-test-data_2024-06-11.json");
        Assert.Equal(Sha256(original), Sha256(written));
    }

    [Fact]
    public void WriteTo_ExistingFolder_ReplacesFiles()
    {
        using var folder = new TempDirectory();
        DemoDataSet.WriteTo(folder.Path);
        var hashes = RelativeFiles(folder.Path).ToDictionary(file => file, file => Sha256(Path.Combine(folder.Path, file)));
        File.WriteAllText(Path.Combine(folder.Path, "belastingen", "aanslagen.csv"), "overwritten");

        DemoDataSet.WriteTo(folder.Path);

        Assert.Equal(hashes.Keys.Order(StringComparer.Ordinal), RelativeFiles(folder.Path));
        Assert.Equal(hashes["belastingen/aanslagen.csv"], Sha256(Path.Combine(folder.Path, "belastingen", "aanslagen.csv")));
    }

    [Fact]
    public void WriteTo_Result_ListsDepartmentsInOrder()
    {
        using var folder = new TempDirectory();

        var files = DemoDataSet.WriteTo(folder.Path);

        Assert.Equal(DemoDepartments.All, files.Departments.Select(department => department.Department));
        Assert.Equal(Path.GetFullPath(folder.Path), files.Folder);
        Assert.All(files.Departments.SelectMany(department => department.Files), file => Assert.True(File.Exists(file.Path), file.SourceName));
        Assert.All(files.Departments, department => Assert.False(string.IsNullOrWhiteSpace(department.Description)));
    }

    [Fact]
    public void WriteTo_DutchUiCulture_DescribesInDutch()
    {
        using var folder = new TempDirectory();
        var original = CultureInfo.CurrentUICulture;

        DemoDataSetFiles files;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
            files = DemoDataSet.WriteTo(folder.Path);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }

        Assert.StartsWith("Belastingen: ", files.Department(DemoDepartments.Taxes).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_EnglishUiCulture_DescribesInEnglish()
    {
        using var folder = new TempDirectory();
        var original = CultureInfo.CurrentUICulture;

        DemoDataSetFiles files;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            files = DemoDataSet.WriteTo(folder.Path);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }

        Assert.StartsWith("Taxes: ", files.Department(DemoDepartments.Taxes).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_EmptyFolder_Throws()
    {
        Assert.Throws<ArgumentException>(() => DemoDataSet.WriteTo(" "));
    }

    private static List<string> RelativeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
