using System.Globalization;
using GsoHitService.Demo.Data.Exports;
using GsoHitService.Demo.Resources;

namespace GsoHitService.Demo.Data;

/// <summary>
/// The demo's department exports: the RvIG test persons for the BRP, and permit, tax and
/// social-domain exports generated from those persons and the KvK test companies. Generation is
/// deterministic: every call writes byte-identical files on every machine.
/// </summary>
/// <remarks>docs/demo-data.md describes each file, its deliberate quirks and the expected hit matrix.</remarks>
public static class DemoDataSet
{
    /// <summary>The day the generated exports describe; no record starts after it.</summary>
    internal static readonly DateOnly ExportDate = new(2025, 6, 2);

    internal const string BrpPersonsFile = "brp/brp-personen.json";
    internal const string BrpLicenceFile = "brp/LICENCE.txt";
    internal const string DecosFile = "vergunningen/decos-zaken.json";
    internal const string PowerBrowserFile = "vergunningen/powerbrowser-zaken.json";
    internal const string WozObjectsFile = "belastingen/woz-objecten.csv";
    internal const string AssessmentsFile = "belastingen/aanslagen.csv";
    internal const string ZorgnedFile = "sociaal-domein/zorgned-clienten.json";

    /// <summary>The signal, subjects and expected answers that the demo queries these exports with.</summary>
    public static DemoScenario Scenario => DemoScenario.Default;

    /// <summary>
    /// Writes all exports under <paramref name="folder"/> (one subfolder per department),
    /// replacing files of an earlier run, and describes them.
    /// </summary>
    /// <param name="folder">The demo's working folder; created when missing.</param>
    /// <returns>The folder, and per department a description (in the UI culture) and its files.</returns>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static DemoDataSetFiles WriteTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        var population = DemoPopulation.Load();
        var plates = new LicencePlateRegistry();

        var brpPersons = WriteFile(root, BrpPersonsFile, stream =>
        {
            using var source = TestDataResources.Open(TestDataResources.BrpPersons);
            source.CopyTo(stream);
        });
        WriteFile(root, BrpLicenceFile, stream => stream.Write(TestDataResources.ReadAllBytes(TestDataResources.BrpLicence)));
        var brpCounts = new ExportCounts(population.PersonCount, Inactive: 0, Invalid: 0);

        ExportCounts decos = default;
        ExportCounts powerBrowser = default;
        ExportCounts zorgned = default;
        (ExportCounts Objects, ExportCounts Assessments) tax = default;

        var decosPath = WriteFile(root, DecosFile, stream => decos = DecosExport.Write(stream, population, plates));
        var powerBrowserPath = WriteFile(root, PowerBrowserFile, stream => powerBrowser = PowerBrowserExport.Write(stream, population));

        // Both tax files come from one generation run, because assessments refer to objects.
        var assessmentsBuffer = new MemoryStream();
        var wozPath = WriteFile(root, WozObjectsFile, stream => tax = TaxExport.Write(stream, assessmentsBuffer, population));
        var assessmentsPath = WriteFile(root, AssessmentsFile, stream => stream.Write(assessmentsBuffer.GetBuffer(), 0, (int)assessmentsBuffer.Length));

        var zorgnedPath = WriteFile(root, ZorgnedFile, stream => zorgned = ZorgnedExport.Write(stream, population));

        return new DemoDataSetFiles(root,
        [
            new DemoDepartmentData(
                DemoDepartments.Brp,
                Format(DemoDataStrings.BrpDescription, brpCounts.Records),
                [Describe("brp-personen", brpPersons, brpCounts)]),
            new DemoDepartmentData(
                DemoDepartments.Permits,
                Format(DemoDataStrings.PermitsDescription, decos.Records, powerBrowser.Records),
                [Describe("decos-zaken", decosPath, decos), Describe("powerbrowser-zaken", powerBrowserPath, powerBrowser)]),
            new DemoDepartmentData(
                DemoDepartments.Taxes,
                Format(DemoDataStrings.TaxesDescription, tax.Objects.Records, tax.Assessments.Records),
                [Describe("woz-objecten", wozPath, tax.Objects), Describe("aanslagen", assessmentsPath, tax.Assessments)]),
            new DemoDepartmentData(
                DemoDepartments.SocialDomain,
                Format(DemoDataStrings.SocialDomainDescription, zorgned.Records),
                [Describe("zorgned-clienten", zorgnedPath, zorgned)]),
        ]);
    }

    private static DemoExportFile Describe(string sourceName, string path, ExportCounts counts) =>
        new(sourceName, path, counts.Records, counts.Inactive, counts.Invalid);

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, template, values);

    /// <summary>
    /// Writes a file through a temporary file in the same folder and then moves it into place, so
    /// that an agent watching the file never reads half of it.
    /// </summary>
    private static string WriteFile(string root, string relativePath, Action<Stream> write)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var temporaryPath = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(temporaryPath, path, overwrite: true);
        }
        finally
        {
            // Gone after a successful move; left behind only when writing failed.
            File.Delete(temporaryPath);
        }

        return path;
    }
}
