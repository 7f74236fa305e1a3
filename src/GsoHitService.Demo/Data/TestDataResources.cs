namespace GsoHitService.Demo.Data;

/// <summary>
/// The public test data files of the repository's <c>data/</c> folder that the Demo project embeds
/// (see its project file), so that the demo finds them from any working directory.
/// </summary>
internal static class TestDataResources
{
    public const string BrpPersons = "GsoHitService.Demo.TestData.brp-personen.json";
    public const string BrpLicence = "GsoHitService.Demo.TestData.brp-licence.txt";
    public const string KvkBasisprofiel = "GsoHitService.Demo.TestData.kvk-basisprofiel.json";
    public const string KvkVestigingsprofiel = "GsoHitService.Demo.TestData.kvk-vestigingsprofiel.json";
    public const string KvkBasisprofielVve = "GsoHitService.Demo.TestData.kvk-basisprofiel-vve.json";
    public const string HrEenmanszaak = "GsoHitService.Demo.TestData.hr-eenmanszaak.json";
    public const string ZorgnedNaw = "GsoHitService.Demo.TestData.zorgned-naw.json";

    /// <summary>Opens an embedded file for reading.</summary>
    /// <exception cref="InvalidOperationException">The build did not embed the file.</exception>
    public static Stream Open(string name) =>
        typeof(TestDataResources).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException(
            $"The embedded test data file '{name}' is missing from {typeof(TestDataResources).Assembly.GetName().Name}. Rebuild the Demo project from a complete clone.");

    /// <summary>Reads an embedded file into memory.</summary>
    public static byte[] ReadAllBytes(string name)
    {
        using var stream = Open(name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Names of every embedded test data file, for tests.</summary>
    public static IReadOnlyList<string> All { get; } =
        [BrpPersons, BrpLicence, KvkBasisprofiel, KvkVestigingsprofiel, KvkBasisprofielVve, HrEenmanszaak, ZorgnedNaw];
}
