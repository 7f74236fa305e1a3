using System.Security.Cryptography;
using GsoHitService.Demo.Data;

namespace GsoHitService.EndToEnd.Tests.DemoData;

public sealed class TestDataResourcesTests
{
    public static TheoryData<string, string> EmbeddedFiles => new()
    {
        { TestDataResources.BrpPersons, "brp-bevragen/brp-personen-mock-test-data_2024-06-11.json" },
        { TestDataResources.BrpLicence, "brp-bevragen/LICENCE.txt" },
        { TestDataResources.KvkBasisprofiel, "kvk-testomgeving/basisprofiel_response.json" },
        { TestDataResources.KvkVestigingsprofiel, "kvk-testomgeving/vestigingsprofiel_response.json" },
        { TestDataResources.KvkBasisprofielVve, "kvk-testomgeving/basisprofiel_response_vve.json" },
        { TestDataResources.HrEenmanszaak, "mijn-amsterdam-mocks/hr-kvk/maatschappelijkeactiviteiten-eenmanszaak.json" },
        { TestDataResources.ZorgnedNaw, "mijn-amsterdam-mocks/zorgned-av-persoonsgegevensNAW.json" },
    };

    [Theory]
    [MemberData(nameof(EmbeddedFiles))]
    public void Resource_EmbeddedFile_EqualsRepositoryFile(string resource, string dataFile)
    {
        var embedded = TestDataResources.ReadAllBytes(resource);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(RepositoryFiles.DataFile(dataFile))), SHA256.HashData(embedded));
    }

    [Fact]
    public void Resource_All_ListsEveryEmbeddedFile()
    {
        Assert.Equal(EmbeddedFiles.Select(row => row.Data.Item1).Order(StringComparer.Ordinal), TestDataResources.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Open_UnknownResource_ThrowsWithName()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => TestDataResources.Open("GsoHitService.Demo.TestData.missing.json"));

        Assert.Contains("missing.json", exception.Message, StringComparison.Ordinal);
    }
}
