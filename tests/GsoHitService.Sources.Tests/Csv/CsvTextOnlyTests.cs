using System.Text;
using GsoHitService.Matching;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Csv;

/// <summary>
/// Type inference must never touch an identifier: every field is read as text, so leading zeros stay
/// and a house number with a letter after thirty plain numbers is not dropped.
/// </summary>
public sealed class CsvTextOnlyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_LateHouseLetter_KeepsEveryRow()
    {
        var text = new StringBuilder("bsn;postcode;huisnummer\n");
        text.Append("012345672;1234AB;10\n");
        for (var row = 2; row <= 30; row++)
        {
            text.Append($"111222333;1234AB;{10 + (2 * row)}\n");
        }

        text.Append("111222333;1234AB;12a\n");
        var path = _folder.WriteFile("c02.csv", text.ToString());
        var address = Address("postcode", "huisnummer");
        address.HouseNumberConvention = HouseNumberConvention.LetterThenAddition;

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn"), address));

        Assert.Equal(31, load.Report.RowsRead);
        Assert.Equal(31, load.Report.RowsIndexed);
        Assert.Empty(load.Report.RejectedIdentifiersByReason);
        Assert.Contains(Ids.Bsn("012345672"), load.Records[0].Identifiers);
        Assert.Contains(Ids.Address("1234AB", "12", "a"), load.Records[30].Identifiers);
    }

    [Fact]
    public async Task Load_ZeroPaddedIdentifiers_KeepLeadingZeros()
    {
        var path = _folder.WriteFile(
            "zeros.csv",
            "bsn;kvk;vestiging;bag\n012345672;01234567;000012345678;0363200000537299\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn"), Field("kvk", "kvk"), Field("vestigingsnummer", "vestiging"), Field("bag-id", "bag")));

        Assert.Equal(
            [Ids.Bsn("012345672"), Ids.Kvk("01234567"), Ids.BranchNumber("000012345678"), Ids.Bag("0363200000537299")],
            load.Records.Single().Identifiers);
        Assert.Equal("012345672", load.Records.Single().Identifiers[0].Fields[0]);
    }

    [Fact]
    public async Task Load_LostZeroWithoutPadRule_IsRejected()
    {
        var path = _folder.WriteFile("lost.csv", "bsn\n12345672\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn")));

        Assert.Equal(1, load.RejectedRows("bsn:LeadingZerosMissing"));
    }

    [Fact]
    public async Task Load_LostZeroWithPadRule_IsPadded()
    {
        var path = _folder.WriteFile("lost.csv", "bsn\n12345672\n");
        var bsn = Field("bsn", "bsn");
        bsn.RestoreLeadingZeros = true;

        var load = await SourceLoad.RunAsync(CsvSource(path, bsn));

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_EmptyCells_AreAbsentNotNull()
    {
        var path = _folder.WriteFile("empty-cells.csv", "bsn;kvk\n012345672;\n;01234567\n;\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn"), Field("kvk", "kvk")));

        Assert.Equal(2, load.Report.RowsIndexed);
        Assert.Equal(1, load.RejectedRows("no-identifier"));
        Assert.Empty(load.Report.RejectedIdentifiersByReason);
    }

    [Fact]
    public async Task Load_ExtraField_IsMalformedRow()
    {
        // Rows after the detection sample can still be ragged; their values could sit in the wrong column.
        var text = new StringBuilder("bsn;kvk\n");
        for (var row = 0; row < 250; row++)
        {
            text.Append("012345672;01234567\n");
        }

        text.Append("111222333;01234567;extra\n");
        var path = _folder.WriteFile("ragged.csv", text.ToString());

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn"), Field("kvk", "kvk")));

        Assert.Equal(250, load.Report.RowsIndexed);
        Assert.Equal(1, load.RejectedRows("malformed-row"));
    }

    [Fact]
    public async Task Load_MissingColumn_FailsNamingIt()
    {
        var path = _folder.WriteFile("columns.csv", "bsn;kvk\n012345672;01234567\n");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "burgerservicenummer")));

        Assert.Contains("'burgerservicenummer'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DuplicateMappedColumn_Fails()
    {
        var path = _folder.WriteFile("columns.csv", "bsn;bsn\n012345672;111222333\n");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(CsvSource(path, Field("bsn", "bsn")));

        Assert.Contains("more than one column", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ColumnNameInOtherCase_IsFound()
    {
        var path = _folder.WriteFile("columns.csv", " BSN ;KvK\n012345672;01234567\n");

        var load = await SourceLoad.RunAsync(CsvSource(path, Field("bsn", "bsn")));

        Assert.True(load.Contains(Ids.Bsn("012345672")));
    }
}
