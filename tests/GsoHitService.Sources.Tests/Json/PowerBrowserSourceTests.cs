using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Json;

/// <summary>
/// PowerBrowser cases: a list of <c>fieldName</c>/<c>text</c>/<c>fieldValue</c> entries per case, with
/// dates as <c>dd-mm-yyyy</c> text and as UTC instants that fall on the previous day in UTC.
/// </summary>
public sealed class PowerBrowserSourceTests : IDisposable
{
    private static readonly string MockPath = TestData.Path("mijn-amsterdam-mocks", "powerbrowser-personen-zaken.json");

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_UtcEndDate_CountsOnDutchDate()
    {
        // DATUM_TOT 01-07-2028 is stored as 2028-06-30T22:00:00Z; read as a UTC date it would fail this test.
        var load = await LoadMockAsync(new FieldConditionOptions
        {
            Field = "fields[fieldName=DATUM_TOT].fieldValue",
            Operator = ConditionOperator.OnOrAfter,
            Value = "2028-07-01",
        });

        Assert.Equal(2, load.RejectedRows("not-relevant"));
        Assert.Equal(26, load.RejectedRows("no-identifier"));
    }

    [Fact]
    public async Task Load_TextEndDate_GivesSameRelevance()
    {
        var load = await LoadMockAsync(new FieldConditionOptions
        {
            Field = "fields[fieldName=DATUM_TOT].text",
            Operator = ConditionOperator.OnOrAfter,
            Value = "2028-07-01",
            DateFormats = ["dd-MM-yyyy"],
        });

        Assert.Equal(2, load.RejectedRows("not-relevant"));
        Assert.Equal(26, load.RejectedRows("no-identifier"));
    }

    [Fact]
    public async Task Load_UndeclaredDateFormat_IsInvalidDate()
    {
        var load = await LoadMockAsync(new FieldConditionOptions
        {
            Field = "fields[fieldName=DATUM_TOT].text",
            Operator = ConditionOperator.OnOrAfter,
            Value = "2028-07-01",
        });

        Assert.Equal(27, load.RejectedRows("invalid-relevance-date"));
    }

    [Fact]
    public async Task Load_CasesWithIdentifierFields_IndexesThem()
    {
        var path = _folder.WriteFile(
            "powerbrowser.json",
            """
            [
              { "id": "1", "fields": [
                { "fieldName": "ZAAK_IDENTIFICATIE", "text": "Z2024-WK000249", "fieldValue": "Z2024-WK000249" },
                { "fieldName": "BSN", "text": "012345672", "fieldValue": "012345672" },
                { "fieldName": "POSTCODE", "text": "1011 AB", "fieldValue": "1011AB" },
                { "fieldName": "HUISNUMMER", "text": "105-1", "fieldValue": "105-1" },
                { "fieldName": "RESULTAAT_ID" } ] },
              { "id": "2", "fields": [
                { "fieldName": "BSN", "text": "012345673", "fieldValue": "012345673" },
                { "fieldName": "RESULTAAT_ID", "text": "Ingetrokken", "fieldValue": "720" } ] }
            ]
            """);
        var address = Address("fields[fieldName=POSTCODE].text", "fields[fieldName=HUISNUMMER].text");
        address.HouseNumberConvention = Matching.HouseNumberConvention.LetterThenAddition;
        var options = JsonSource(path, null, Field("bsn", "fields[fieldName=BSN].text"), address);
        options.Relevance = [Condition("fields[fieldName=RESULTAAT_ID].text", ConditionOperator.NotIn, null, "Ingetrokken", "Geweigerd")];
        options.ReleasableFields["zaaknummer"] = ["fields[fieldName=ZAAK_IDENTIFICATIE].text"];

        var load = await SourceLoad.RunAsync(options, includeReleasableFields: true);

        var record = load.Records.Single();
        Assert.Equal([Ids.Bsn("012345672"), Ids.Address("1011AB", "105", addition: "1")], record.Identifiers);
        Assert.Equal("Z2024-WK000249", record.ReleasableFields["zaaknummer"]);
        Assert.Equal(1, load.RejectedRows("not-relevant"));
    }

    private static Task<LoadResult> LoadMockAsync(FieldConditionOptions relevance)
    {
        var options = JsonSource(MockPath, null, Field("bsn", "fields[fieldName=BSN].text"));
        options.Name = "vergunningen-powerbrowser";
        options.Relevance = [relevance];
        return SourceLoad.RunAsync(options, timeProvider: new FakeTimeProvider(new DateTimeOffset(2024, 10, 5, 8, 0, 0, TimeSpan.Zero)));
    }
}
