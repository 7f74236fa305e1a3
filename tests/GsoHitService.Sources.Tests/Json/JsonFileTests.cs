using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Json;

/// <summary>JSON files that are broken, empty or oddly shaped.</summary>
public sealed class JsonFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_TruncatedJson_FailsBeforeAnyRecord()
    {
        var path = _folder.WriteFile("cut.json", """{"content": [{"fields": {"bsn": "012345672"}}, {"fields": {"bsn": "1112""");

        var (exception, report, returned) = await SourceLoad.RunFailingAsync(JsonSource(path, "content", Field("bsn", "fields.bsn")));

        Assert.Contains("not valid JSON", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, returned);
        Assert.Equal(0, report.RowsRead);
    }

    [Fact]
    public async Task Load_MissingRecordsPath_Fails()
    {
        var path = _folder.WriteFile("other.json", """{"items": []}""");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(JsonSource(path, "content", Field("bsn", "bsn")));

        Assert.Contains("Json:RecordsPath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmptyRecordArray_IsAnEmptyLoad()
    {
        var path = _folder.WriteFile("empty.json", """{"count": 0, "content": []}""");

        var load = await SourceLoad.RunAsync(JsonSource(path, "content", Field("bsn", "bsn")));

        Assert.Equal(0, load.Report.RowsRead);
    }

    [Fact]
    public async Task Load_RecordThatIsNoObject_IsMalformed()
    {
        var path = _folder.WriteFile("mixed.json", """[{"bsn": "012345672"}, "012345672", {"bsn": 12345672}]""");

        var load = await SourceLoad.RunAsync(JsonSource(path, null, Field("bsn", "bsn")));

        Assert.Equal(1, load.Report.RowsIndexed);
        Assert.Equal(1, load.RejectedRows("malformed-row"));
        Assert.Equal(1, load.RejectedRows("bsn:NumericValue"));
    }

    [Fact]
    public async Task Load_ArrayOfValues_IndexesEach()
    {
        var path = _folder.WriteFile("plates.json", """[{"kentekens": ["95-GHZ-4", "GB-001-B", null]}]""");

        var load = await SourceLoad.RunAsync(JsonSource(path, null, Field("kenteken", "kentekens")));

        Assert.Equal([Ids.Plate("95GHZ4"), Ids.Plate("GB001B")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_ObjectWhereValueExpected_IsUnsupported()
    {
        var path = _folder.WriteFile("object.json", """[{"bsn": {"value": "012345672"}}]""");

        var load = await SourceLoad.RunAsync(JsonSource(path, null, Field("bsn", "bsn")));

        Assert.Equal(1, load.RejectedRows("bsn:UnsupportedValue"));
    }
}
