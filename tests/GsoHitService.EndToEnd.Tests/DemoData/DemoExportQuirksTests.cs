using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GsoHitService.Demo.Data;
using GsoHitService.Matching;

namespace GsoHitService.EndToEnd.Tests.DemoData;

/// <summary>
/// The deliberate quirks of the generated exports, checked on the raw files.
/// </summary>
public sealed partial class DemoExportQuirksTests(DemoDataSetFixture demo) : IClassFixture<DemoDataSetFixture>
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData("woz-objecten")]
    [InlineData("aanslagen")]
    public void CsvExport_StartsWithUtf8ByteOrderMark(string sourceName)
    {
        var bytes = File.ReadAllBytes(demo.PathOf(sourceName));

        Assert.Equal(Utf8Bom, bytes[..3]);
    }

    [Theory]
    [InlineData("woz-objecten", 16)]
    [InlineData("aanslagen", 12)]
    public void CsvExport_Lines_HaveHeaderFieldCount(string sourceName, int fieldCount)
    {
        var table = ExportReader.ReadCsv(demo.PathOf(sourceName));

        Assert.Equal(fieldCount, table.Header.Length);
        Assert.All(table.Rows, row => Assert.Equal(fieldCount, row.Length));
    }

    [Theory]
    [InlineData("woz-objecten")]
    [InlineData("aanslagen")]
    public void CsvExport_LinesEndWithCrLf(string sourceName)
    {
        var text = File.ReadAllText(demo.PathOf(sourceName));

        Assert.DoesNotMatch(LoneLineFeed(), text);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("woz-objecten", "Waardepeildatum")]
    [InlineData("woz-objecten", "Datum begin")]
    [InlineData("woz-objecten", "Datum einde")]
    [InlineData("aanslagen", "Dagtekening")]
    [InlineData("aanslagen", "Vervaldatum")]
    public void CsvExport_DateColumn_IsDayMonthYear(string sourceName, string column)
    {
        var values = ExportReader.ReadCsv(demo.PathOf(sourceName)).Values(column).Where(value => value.Length > 0).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.True(
            DateOnly.TryParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            $"'{value}' in {column} is not dd-mm-jjjj."));
    }

    [Fact]
    public void Assessments_BsnColumn_LostOneLeadingZero()
    {
        var bsns = ExportReader.ReadCsv(demo.PathOf("aanslagen")).Values("BSN").Where(value => value.Length > 0).ToList();

        var shortened = bsns.Where(value => value.Length == 8 && IsValidBsn("0" + value)).ToList();
        Assert.NotEmpty(shortened);
        Assert.DoesNotContain(bsns, value => value.StartsWith('0'));
    }

    [Fact]
    public void Decos_HolderBsn_IsJsonNumber()
    {
        var numbers = ExportReader.ReadDecosFields(demo.PathOf("decos-zaken"))
            .Where(fields => fields.TryGetProperty("num1", out _))
            .Select(fields => fields.GetProperty("num1"))
            .ToList();

        Assert.All(numbers, number => Assert.Equal(JsonValueKind.Number, number.ValueKind));
        Assert.Contains(numbers, number => number.GetRawText().Length == 8 && IsValidBsn("0" + number.GetRawText()));
    }

    [Fact]
    public void Decos_Kentekens_HaveMixedDashes()
    {
        var plates = DecosPlates().ToList();

        Assert.Contains(plates, plate => plate.Contains('-', StringComparison.Ordinal));
        Assert.Contains(plates, plate => !plate.Contains('-', StringComparison.Ordinal));
    }

    [Fact]
    public void Decos_Kentekens_AreValidDutchPlates()
    {
        // The one deliberately invalid case carries the foreign-style "AB-12".
        var plates = DecosPlates().Where(plate => plate != "AB-12").ToList();

        Assert.NotEmpty(plates);
        Assert.All(plates, plate => Assert.True(
            IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, plate, null, out _, out var error),
            $"A generated kenteken is invalid: rule {error.Rule}."));
    }

    [Fact]
    public void Decos_Text9_HasLabelsInOtherCaseTypes()
    {
        var labels = ExportReader.ReadDecosFields(demo.PathOf("decos-zaken"))
            .Where(fields => ExportReader.GetString(fields, "text45") != "Werk en vervoer op straat")
            .Select(fields => ExportReader.GetString(fields, "text9"))
            .OfType<string>()
            .ToList();

        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.False(IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, label, null, out _, out _)));
    }

    [Theory]
    [InlineData("woz-objecten")]
    [InlineData("decos-zaken")]
    [InlineData("powerbrowser-zaken")]
    [InlineData("zorgned-clienten")]
    public void Export_Postcodes_HaveMixedSpacing(string sourceName)
    {
        var postcodes = Postcodes(sourceName).ToList();

        Assert.Contains(postcodes, postcode => PostcodeWithSpace().IsMatch(postcode));
        Assert.Contains(postcodes, postcode => PostcodeWithoutSpace().IsMatch(postcode));
    }

    [Fact]
    public void WozObjects_HouseNumber_IncludesHuisletter()
    {
        var houseNumbers = ExportReader.ReadCsv(demo.PathOf("woz-objecten")).Values("Huisnummer").ToList();

        Assert.Contains(houseNumbers, value => HouseNumberWithLetter().IsMatch(value));
    }

    [Fact]
    public void PowerBrowser_DateValue_IsPreviousDayUtc()
    {
        var dates = ExportReader.ReadPowerBrowser(demo.PathOf("powerbrowser-zaken"))
            .SelectMany(record => record.Where(field => field.Key is "STARTDATUM" or "EINDDATUM" or "INGANGSDATUM" or "DATUM_TOT" && field.Value.Text is not null))
            .Select(field => field.Value)
            .ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, date =>
        {
            var local = DateOnly.ParseExact(date.Text!, "dd-MM-yyyy", CultureInfo.InvariantCulture);
            var utc = DateTimeOffset.Parse(date.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.Equal(local.AddDays(-1), DateOnly.FromDateTime(utc.UtcDateTime));
            Assert.Contains(utc.UtcDateTime.Hour, new[] { 22, 23 });
        });
    }

    [Fact]
    public void PowerBrowser_Dates_CoverSummerAndWinter()
    {
        var hours = ExportReader.ReadPowerBrowser(demo.PathOf("powerbrowser-zaken"))
            .Select(record => record["STARTDATUM"].Value)
            .Select(value => DateTimeOffset.Parse(value!, CultureInfo.InvariantCulture).UtcDateTime.Hour)
            .ToHashSet();

        Assert.Equal([22, 23], hours.Order());
    }

    [Fact]
    public void Decos_InactiveCases_MatchDescription()
    {
        var cases = ExportReader.ReadDecosFields(demo.PathOf("decos-zaken"));

        var inactive = cases.Count(fields => ExportReader.GetString(fields, "dfunction") is "Ingetrokken" or "Niet verleend");
        var ended = cases.Count(fields => ExportReader.GetString(fields, "date7") is not null);
        var file = demo.FileOf("decos-zaken");
        Assert.Equal(file.Records, cases.Count);
        Assert.Equal(file.InactiveRecords, inactive);
        Assert.Equal(inactive, ended);
    }

    [Fact]
    public void PowerBrowser_InactiveCases_MatchDescription()
    {
        var cases = ExportReader.ReadPowerBrowser(demo.PathOf("powerbrowser-zaken"));

        var inactive = cases.Count(record => record["RESULTAAT_ID"].Text is "Geweigerd" or "Geweigerd op basis van Quotum" or "Ingetrokken" or "Buiten behandeling");
        var ended = cases.Count(record => record["DATUM_TOT"].Text is not null);
        var file = demo.FileOf("powerbrowser-zaken");
        Assert.Equal(file.Records, cases.Count);
        Assert.Equal(file.InactiveRecords, inactive);
        Assert.Equal(inactive, ended);
    }

    [Theory]
    [InlineData("woz-objecten", "Status", "Vervallen")]
    [InlineData("aanslagen", "Status", "Vernietigd")]
    public void Tax_InactiveRows_MatchDescription(string sourceName, string column, string inactiveStatus)
    {
        var table = ExportReader.ReadCsv(demo.PathOf(sourceName));

        var file = demo.FileOf(sourceName);
        Assert.Equal(file.Records, table.Rows.Count);
        Assert.Equal(file.InactiveRecords, table.Values(column).Count(value => value == inactiveStatus));
        Assert.True(file.InactiveRecords > 0);
    }

    [Fact]
    public void WozObjects_EndedObjects_HavePastEndDate()
    {
        var table = ExportReader.ReadCsv(demo.PathOf("woz-objecten"));
        var status = table.Column("Status");
        var end = table.Column("Datum einde");

        var ended = table.Rows.Where(row => row[status] == "Vervallen").ToList();
        Assert.All(ended, row => Assert.True(DateOnly.ParseExact(row[end], "dd-MM-yyyy", CultureInfo.InvariantCulture) < new DateOnly(2025, 1, 1)));
        Assert.All(table.Rows.Where(row => row[status] != "Vervallen"), row => Assert.Equal("", row[end]));
    }

    [Fact]
    public void Exports_Dates_NotAfterExportDate()
    {
        var exportDate = new DateOnly(2025, 6, 2);
        var decosDates = ExportReader.ReadDecosFields(demo.PathOf("decos-zaken"))
            .SelectMany(fields => new[] { "document_date", "date6", "date7" }.Select(name => ExportReader.GetString(fields, name)))
            .OfType<string>()
            .Select(value => DateOnly.FromDateTime(DateTime.Parse(value, CultureInfo.InvariantCulture)));
        var powerBrowserDates = ExportReader.ReadPowerBrowser(demo.PathOf("powerbrowser-zaken"))
            .SelectMany(record => record.Where(field => field.Key is "STARTDATUM" or "EINDDATUM" or "INGANGSDATUM" or "DATUM_TOT").Select(field => field.Value.Text))
            .OfType<string>()
            .Select(value => DateOnly.ParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture));
        var wozTable = ExportReader.ReadCsv(demo.PathOf("woz-objecten"));
        var assessmentTable = ExportReader.ReadCsv(demo.PathOf("aanslagen"));
        var csvDates = wozTable.Values("Datum begin").Concat(wozTable.Values("Datum einde")).Concat(assessmentTable.Values("Dagtekening")).Concat(assessmentTable.Values("Vervaldatum"))
            .Where(value => value.Length > 0)
            .Select(value => DateOnly.ParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture));

        var dates = decosDates.Concat(powerBrowserDates).Concat(csvDates).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, date => Assert.True(date <= exportDate, $"{date:yyyy-MM-dd} is after the export date."));
    }

    [Fact]
    public void Zorgned_MockRecord_IsIncluded()
    {
        var clients = ExportReader.ReadArray(demo.PathOf("zorgned-clienten"));

        Assert.Contains(clients, client => ExportReader.GetString(client.GetProperty("persoon"), "bsn") == "123123");
        Assert.Equal(demo.FileOf("zorgned-clienten").Records, clients.Count);
    }

    private IEnumerable<string> DecosPlates() =>
        ExportReader.ReadDecosFields(demo.PathOf("decos-zaken")).SelectMany(fields =>
            ExportReader.GetString(fields, "text45") switch
            {
                "Werk en vervoer op straat" => new[] { ExportReader.GetString(fields, "text9") },
                "Touringcar Dagontheffing" => [ExportReader.GetString(fields, "text10")],
                "Eigen parkeerplaats" => [ExportReader.GetString(fields, "text13")],
                _ => [],
            }).OfType<string>();

    private IEnumerable<string> Postcodes(string sourceName) => sourceName switch
    {
        "woz-objecten" => ExportReader.ReadCsv(demo.PathOf(sourceName)).Values("Postcode"),
        "decos-zaken" => ExportReader.ReadDecosFields(demo.PathOf(sourceName)).Select(fields => ExportReader.GetString(fields, "zipcode")).OfType<string>(),
        "powerbrowser-zaken" => ExportReader.ReadPowerBrowser(demo.PathOf(sourceName)).Select(record => record["LOCATIE_POSTCODE"].Text).OfType<string>(),
        _ => ExportReader.ReadArray(demo.PathOf(sourceName)).Select(client => ExportReader.GetString(client.GetProperty("inschrijfadres"), "postcode")).OfType<string>(),
    };

    private static bool IsValidBsn(string value) =>
        IdentifierNormalizer.TryNormalize(IdentifierType.Bsn, value, null, out _, out _);

    [GeneratedRegex("(?<!\r)\n")]
    private static partial Regex LoneLineFeed();

    [GeneratedRegex("^[1-9][0-9]{3} [A-Z]{2}$")]
    private static partial Regex PostcodeWithSpace();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex PostcodeWithoutSpace();

    [GeneratedRegex("^[0-9]+[A-Za-z]$")]
    private static partial Regex HouseNumberWithLetter();
}
