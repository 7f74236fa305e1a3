using System.Globalization;
using System.Text;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Signals;
using GsoHitService.TestSupport;

namespace GsoHitService.Cli.Tests.Signals;

public sealed class SubjectsFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("label;soort;type;waarde\n")]
    [InlineData("label,soort,type,waarde\n")]
    [InlineData("label\tsoort\ttype\twaarde\n")]
    [InlineData("\"Label\";\"Soort\";\"Type\";\"Waarde\"\n")]
    public void Read_CsvHeader_FindsSeparator(string header)
    {
        var separator = header.Contains(';', StringComparison.Ordinal) ? ";" : header.Contains('\t', StringComparison.Ordinal) ? "\t" : ",";
        var path = _folder.WriteFile("betrokkenen.csv", header + string.Join(separator, "Betrokkene A", "persoon", "kvk", "12345678") + "\n");

        var subject = Assert.Single(SubjectsFile.Read(path));

        Assert.Equal("Betrokkene A", subject.Label);
        Assert.Equal("12345678", Assert.Single(subject.Identifiers).Value);
    }

    [Fact]
    public void Read_MultilineCell_CountsLines()
    {
        var path = _folder.WriteFile("betrokkenen.csv", "label;soort;type;waarde\n\"Betrokkene\nA\";persoon;kvk;12345678\nBetrokkene B;persoon;kvk;87654321\n");

        var subjects = SubjectsFile.Read(path);

        Assert.Equal(2, subjects[0].Identifiers[0].Line);
        Assert.Equal(4, subjects[1].Identifiers[0].Line);
    }

    [Fact]
    public void Read_CsvWithBlankLines_SkipsThem()
    {
        var path = _folder.WriteFile("betrokkenen.csv", "label;soort;type;waarde\n\nBetrokkene A;persoon;kvk;12345678\n;;;\n");

        Assert.Single(SubjectsFile.Read(path));
    }

    [Theory]
    [InlineData("naam;soort;type;waarde\nA;persoon;kvk;12345678\n", "de eerste regel moet de kolomnamen label,soort,type,waarde bevatten")]
    [InlineData("label;soort;type;waarde\nA;persoon;kvk\n", "regel 2 heeft 3 kolommen in plaats van 4")]
    [InlineData("label;soort;type;waarde\nA;persoon;adres;1234AB;12\n", "regel 2 heeft 5 kolommen in plaats van 4")]
    [InlineData("label;soort;type;waarde\nA;persoon;kvk;12345678\nA;organisatie;kvk;87654321\n", "regel 3: betrokkene \"A\" heeft een andere soort dan op regel 2")]
    [InlineData("", "de eerste regel moet de kolomnamen")]
    public void Read_InvalidCsv_NamesProblem(string content, string expected)
    {
        var path = _folder.WriteFile("betrokkenen.csv", content);

        var exception = Read(path);

        Assert.Equal(ExitCodes.InvalidInput, exception.ExitCode);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Windows1252_IsRejected()
    {
        var path = _folder.Combine("betrokkenen.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("label;soort;type;waarde\nM"), 0xFC, .. Encoding.ASCII.GetBytes("ller;persoon;kvk;12345678\n")]);

        var exception = Read(path);

        Assert.Contains("het is geen UTF-8-tekst", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonWithoutExtension_IsDetected()
    {
        var path = _folder.WriteFile("betrokkenen", """[ { "label": "A", "soort": "persoon", "identificaties": [ { "type": "kvk", "waarde": "12345678" } ] } ]""");

        Assert.Equal("A", Assert.Single(SubjectsFile.Read(path)).Label);
    }

    [Fact]
    public void IdentifierEntry_ToString_HidesValue()
    {
        var entry = new IdentifierEntry("bsn", "999990019", null);

        Assert.DoesNotContain("999990019", entry.ToString(), StringComparison.Ordinal);
    }

    private static CoordinatorCommandException Read(string path)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            return Assert.Throws<CoordinatorCommandException>(() => SubjectsFile.Read(path));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
