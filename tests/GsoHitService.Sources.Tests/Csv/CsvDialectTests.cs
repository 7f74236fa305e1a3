using System.Text;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Csv;

/// <summary>
/// Excel's "CSV UTF-8" dialect and its relatives: byte order marks, the <c>sep=</c> hint, semicolons
/// with decimal commas and Windows-1252. A dialect that is not certain fails the load; nothing is
/// decoded with replacement characters.
/// </summary>
public sealed class CsvDialectTests : IDisposable
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private const string ExcelExport = "BSN;Achternaam;Bedrag\r\n012345672;Jansen;1.234,50\r\n";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_Utf8ByteOrderMark_FindsFirstHeader()
    {
        var path = WriteBytes("bom.csv", [.. Utf8Bom, .. Encoding.UTF8.GetBytes(ExcelExport)]);

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Equal(1, load.Report.RowsRead);
        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_SeparatorLine_IsHintNotData()
    {
        var path = WriteBytes("sep.csv", [.. Utf8Bom, .. Encoding.UTF8.GetBytes("sep=;\r\n" + ExcelExport)]);

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Equal(1, load.Report.RowsRead);
        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_SeparatorLineNamingComma_UsesComma()
    {
        var path = _folder.WriteFile("sep-comma.csv", "sep=,\nBSN,Naam;Bijnaam\n012345672,Jansen;Jan\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.True(load.Contains(Ids.Bsn("012345672")));
    }

    [Fact]
    public async Task Load_DecimalComma_StaysInOneField()
    {
        var path = WriteBytes("amount.csv", [.. Utf8Bom, .. Encoding.UTF8.GetBytes(ExcelExport)]);
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.ReleasableFields["bedrag"] = ["Bedrag"];

        var load = await SourceLoad.RunAsync(options, includeReleasableFields: true);

        Assert.Equal("1.234,50", load.Records.Single().ReleasableFields["bedrag"]);
    }

    [Fact]
    public async Task Load_Windows1252Declared_DecodesUmlaut()
    {
        var path = WriteWindows1252("latin.csv", "BSN;Achternaam;Geboortedatum\r\n012345672;Müller;1985-03-07\r\n");
        var options = CsvSource(path, Field("bsn", "BSN"), Name("Achternaam", "Geboortedatum"));
        options.Csv.Encoding = "windows-1252";

        var load = await SourceLoad.RunAsync(options);

        Assert.True(load.Contains(Ids.Name("Müller", "1985-03-07")));
    }

    [Fact]
    public async Task Load_Windows1252Undeclared_FailsWithoutIndexing()
    {
        var path = WriteWindows1252("latin.csv", "BSN;Achternaam;Geboortedatum\r\n012345672;Müller;1985-03-07\r\n");

        var (exception, report, returned) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN"), Name("Achternaam", "Geboortedatum")));

        Assert.Contains("windows-1252", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, returned);
        Assert.Equal(0, report.RowsIndexed);
    }

    [Fact]
    public async Task Load_InvalidUtf8AfterDetectionSample_FailsLoad()
    {
        // More than the 1 MiB detection sample, so the bad byte is met while reading rows.
        var text = new StringBuilder("BSN;Achternaam\n");
        for (var row = 0; row < 60_000; row++)
        {
            text.Append("012345672;Jansen\n");
        }

        var path = WriteBytes("late-error.csv", [.. Encoding.UTF8.GetBytes(text.ToString()), .. "111222333;M"u8, 0xFC, .. "ller\n"u8]);

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Contains("not valid utf-8", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FC", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_Windows1252DeclaredOnUtf8Bom_Fails()
    {
        var path = WriteBytes("bom.csv", [.. Utf8Bom, .. Encoding.UTF8.GetBytes(ExcelExport)]);
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.Csv.Encoding = "windows-1252";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options);

        Assert.Contains("byte order mark", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_Windows1252UndefinedByte_Fails()
    {
        // 0x81 has no character in Windows-1252, so even the declared encoding cannot read the file with certainty.
        var path = WriteBytes("undefined.csv", [.. "BSN;Naam\n012345672;A"u8, 0x81, .. "\n"u8]);
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.Csv.Encoding = "windows-1252";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options);

        Assert.Contains("not valid windows-1252", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Load_Utf16WithByteOrderMark_Reads(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var path = WriteBytes("utf16.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes("\"BSN\",\"Naam\"\r\n\"012345672\",\"Jansen\"\r\n")]);

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_Utf16DeclaredWithoutByteOrderMark_Fails()
    {
        var path = WriteBytes("utf16.csv", Encoding.Unicode.GetBytes("BSN\r\n012345672\r\n"));
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.Csv.Encoding = "utf-16";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options);

        Assert.Contains("byte order", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";")]
    [InlineData(",")]
    [InlineData("\t")]
    public async Task Load_SingleDelimiterInHeader_IsDetected(string delimiter)
    {
        var path = _folder.WriteFile("detect.csv", $"KvK{delimiter}BSN{delimiter}Naam\n01234567{delimiter}012345672{delimiter}Jansen\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN"), Field("kvk", "KvK")));

        Assert.Equal([Ids.Bsn("012345672"), Ids.Kvk("01234567")], load.Records.Single().Identifiers.OrderBy(id => id.Type));
    }

    [Fact]
    public async Task Load_HeaderWithTwoDelimiters_Fails()
    {
        var path = _folder.WriteFile("mixed.csv", "BSN;Naam,Voorletters\n012345672;Jansen,J.\n");

        var (exception, report, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Contains("Csv:Delimiter", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.RowsRead);
    }

    [Fact]
    public async Task Load_HeaderWithTwoDelimitersAndDeclared_Reads()
    {
        var path = _folder.WriteFile("mixed.csv", "BSN;Naam,Voorletters\n012345672;Jansen,J.\n");
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.Csv.Delimiter = ";";

        var load = await SourceLoad.RunAsync(options);

        Assert.True(load.Contains(Ids.Bsn("012345672")));
    }

    [Fact]
    public async Task Load_RaggedSampleRow_FailsDetection()
    {
        var path = _folder.WriteFile("ragged.csv", "BSN;Naam\n012345672;Jansen;extra\n");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Contains("data row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_OneColumnFile_Reads()
    {
        var path = _folder.WriteFile("one.csv", "BSN\n012345672\n111222333\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Equal(2, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_OneColumnHeaderWithDelimitedRows_Fails()
    {
        var path = _folder.WriteFile("one.csv", "BSN\n012345672;Jansen\n");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Contains("one column", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SeparatorLineConflictsWithDeclared_Fails()
    {
        var path = _folder.WriteFile("conflict.csv", "sep=,\nBSN,Naam\n012345672,Jansen\n");
        var options = CsvSource(path, Field("bsn", "BSN"));
        options.Csv.Delimiter = ";";

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options);

        Assert.Contains("sep=", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmptyFile_Fails()
    {
        var path = _folder.WriteFile("empty.csv", "");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "BSN")));

        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_QuotedFields_KeepDelimiterAndLineBreak()
    {
        var path = _folder.WriteFile("quoted.csv", "BSN;Opmerking;KvK\n\"012345672\";\"regel 1;\nregel \"\"2\"\"\";01234567\n");
        var options = CsvSource(path, Field("bsn", "BSN"), Field("kvk", "KvK"));
        options.ReleasableFields["opmerking"] = ["Opmerking"];

        var load = await SourceLoad.RunAsync(options, includeReleasableFields: true);

        var record = load.Records.Single();
        Assert.Equal(2, record.Identifiers.Count);
        Assert.Equal("regel 1;\nregel \"2\"", record.ReleasableFields["opmerking"]);
    }

    [Fact]
    public async Task Load_MissingFile_FailsNamingFile()
    {
        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(_folder.Combine("absent.csv"), Field("bsn", "BSN")));

        Assert.Contains("absent.csv", exception.Message, StringComparison.Ordinal);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _folder.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteWindows1252(string name, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        Assert.Contains((byte)0xFC, bytes);
        return WriteBytes(name, bytes);
    }
}
