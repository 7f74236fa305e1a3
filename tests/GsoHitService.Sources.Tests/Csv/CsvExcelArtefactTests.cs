using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Csv;

/// <summary>
/// An export that went through Excel contains what Excel displayed. Such values are rejected per row with
/// a reason and counted; the clean forms of the same values are indexed and match the query side.
/// </summary>
public sealed class CsvExcelArtefactTests : IDisposable
{
    private const string Header = "vestigingsnummer;postcode;huisnummer;achternaam;geboortedatum";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(";1234AB;12-feb;;", "adres:ExcelArtefact")]
    [InlineData(";1234AB;12-mrt;;", "adres:ExcelArtefact")]
    [InlineData("1,23457E+11;;;;", "vestigingsnummer:ExcelArtefact")]
    [InlineData("12345678;;;;", "vestigingsnummer:LeadingZerosMissing")]
    [InlineData(";;;Jansen;7-3-1985", "naam-geboortedatum:UndeclaredDateFormat")]
    [InlineData(";;;Jansen;31113", "naam-geboortedatum:UndeclaredDateFormat")]
    [InlineData(";;;Jansen;03/07/1985", "naam-geboortedatum:UndeclaredDateFormat")]
    public async Task Load_SpreadsheetArtefact_RejectsRowWithReason(string row, string reason)
    {
        var load = await LoadAsync(row, dateFormats: ["dd-MM-yyyy"]);

        Assert.Equal(1, load.RejectedRows(reason));
        Assert.Equal(0, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_CleanAddition_MatchesQuerySide()
    {
        var load = await LoadAsync(";1234AB;12-2;;", dateFormats: []);

        Assert.Equal([Ids.Address("1234AB", "12", addition: "2")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_DeclaredDayMonthYear_MatchesIsoQuery()
    {
        var load = await LoadAsync(";;;Jansen;07-03-1985", dateFormats: ["dd-MM-yyyy"]);

        Assert.Equal([Ids.Name("Jansen", "1985-03-07")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_DeclaredExcelSerial_MatchesIsoQuery()
    {
        var load = await LoadAsync(";;;Jansen;31113", dateFormats: ["excel-serial"]);

        Assert.Equal([Ids.Name("Jansen", "1985-03-07")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_ArtefactBesideValidKey_CountsValue()
    {
        var load = await LoadAsync("1,23457E+11;;;Jansen;07-03-1985", dateFormats: ["dd-MM-yyyy"]);

        Assert.Equal(1, load.Report.RowsIndexed);
        Assert.Equal(1, load.RejectedIdentifiers("vestigingsnummer:ExcelArtefact"));
    }

    private async Task<LoadResult> LoadAsync(string row, string[] dateFormats)
    {
        var path = _folder.WriteFile("excel.csv", $"{Header}\n{row}\n");
        var address = Address("postcode", "huisnummer");
        address.HouseNumberConvention = HouseNumberConvention.LetterThenAddition;
        var name = Name("achternaam", "geboortedatum");
        name.DateFormats = [.. dateFormats];
        SourceOptions options = CsvSource(path, Field("vestigingsnummer", "vestigingsnummer"), address, name);
        return await SourceLoad.RunAsync(options);
    }
}
