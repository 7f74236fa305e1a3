using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;

namespace GsoHitService.Sources.Tests.Brp;

/// <summary>Options for the three BRP source kinds on the project's BRP test data.</summary>
internal static class BrpSources
{
    public static SourceOptions HaalCentraal() => new()
    {
        Name = "brp-haal-centraal",
        Kind = SourceKind.BrpHaalCentraal,
        Path = TestData.Path("mijn-amsterdam-mocks", "brp", "test-personen.json"),
    };

    public static SourceOptions GbaJson() => new()
    {
        Name = "brp-gba-json",
        Kind = SourceKind.BrpGbaJson,
        Path = TestData.Path("brp-bevragen", "brp-personen-mock-test-data_2024-06-11.json"),
    };

    public static SourceOptions GbaV() => new()
    {
        Name = "brp-gba-v",
        Kind = SourceKind.BrpGbaVCsv,
        Path = TestData.Path("brp-bevragen", "20220502_Testset_persoonslijsten_proefomgeving_GBA-V.csv"),
    };
}
