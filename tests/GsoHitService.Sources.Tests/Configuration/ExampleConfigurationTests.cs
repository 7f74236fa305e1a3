using System.Text;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Sources.Tests.Configuration;

/// <summary>
/// The example <c>appsettings.sources.json</c>, with one source of every kind, binds, validates and
/// loads the project's test data through the factory, with paths relative to the content root.
/// </summary>
public sealed class ExampleConfigurationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Example_Binds_AndValidates()
    {
        var options = BindExample();

        var result = new DepartmentSourcesOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(10, options.Sources.Count);
    }

    [Fact]
    public void Example_BindsNestedSettings()
    {
        var options = BindExample();

        var woz = options.Sources.Single(source => source.Name == "belastingen-woz");
        Assert.Equal(Matching.HouseNumberConvention.LetterThenAddition, woz.Identifiers[2].HouseNumberConvention);
        Assert.True(woz.Identifiers[0].RestoreLeadingZeros);
        Assert.Equal(["wozobjectnummer"], woz.ReleasableFields["wozobjectnummer"]);
        Assert.Equal(SqlProvider.SqlServer, options.Sources.Single(source => source.Name == "belastingen-sqlserver").Sql.Provider);
    }

    [Fact]
    public void Example_CreatesEverySource()
    {
        var sources = new SourceFactory(TestData.DataFolder).CreateAll(BindExample());

        Assert.Equal(
            ["brp", "brp-gba-v", "brp-mock", "vergunningen-decos", "vergunningen-powerbrowser", "sociaal-domein-zorgned", "belastingen-woz", "vergunningen-postgres", "sociaal-domein-sqlite", "belastingen-sqlserver"],
            sources.Select(source => source.Name));
        Assert.Equal(
            [Matching.IdentifierType.Bsn, Matching.IdentifierType.KvkNumber, Matching.IdentifierType.BagObjectId, Matching.IdentifierType.Address],
            sources.Single(source => source.Name == "belastingen-woz").IdentifierTypes);
    }

    [Fact]
    public async Task Example_FileSources_LoadAndBalance()
    {
        var options = BindExample();
        options.Sources.Single(source => source.Name == "belastingen-woz").Path = WriteWozExport();
        var fileSources = options.Sources.Where(source => source.Kind != SourceKind.Sql).ToList();

        foreach (var source in new SourceFactory(TestData.DataFolder).CreateAll(new DepartmentSourcesOptions { Sources = fileSources }))
        {
            var load = await SourceLoad.RunAsync(source);
            Assert.True(load.Report.RowsRead > 0, source.Name);
        }
    }

    [Fact]
    public async Task Example_TaxExport_IndexesEveryKey()
    {
        var options = BindExample();
        var woz = options.Sources.Single(source => source.Name == "belastingen-woz");
        woz.Path = WriteWozExport();

        var load = await SourceLoad.RunAsync(new SourceFactory(TestData.DataFolder).Create(woz), includeReleasableFields: true);

        Assert.Equal(3, load.Report.RowsRead);
        Assert.Equal(1, load.RejectedRows("not-relevant"));
        Assert.True(load.Contains(Ids.Bsn("012345672")));
        Assert.True(load.Contains(Ids.Kvk("01234567")));
        Assert.True(load.Contains(Ids.Address("1011AB", "105", "A", "2")));
        Assert.True(load.Contains(Ids.Bag("0363200000537299")));
        Assert.Equal("€ 412.000", load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("012345672"))).ReleasableFields["wozwaarde"]);
    }

    private string WriteWozExport()
    {
        // Windows-1252, as declared in the example: the euro sign is byte 0x80 there.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string Export = """
            wozobjectnummer;bsn_eigenaar;kvk_eigenaar;postcode;huisnummer;nummeraanduiding;woz_waarde;peildatum;belastingjaar
            036300012345;12345672;;1011AB;105A-2;;€ 412.000;01-01-2024;2025
            036300012346;;01234567;1011AB;107;0363200000537299;€ 1.250.000;01-01-2024;2025
            036300012347;111222333;;1011AC;1;;€ 300.000;01-01-2022;2023

            """;
        var path = _folder.Combine("woz-objecten.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding(1252).GetBytes(Export));
        return path;
    }

    private static DepartmentSourcesOptions BindExample()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Configuration", "appsettings.sources.json"), optional: false, reloadOnChange: false)
            .Build();
        var options = new DepartmentSourcesOptions();
        configuration.GetSection(DepartmentSourcesOptions.DefaultSectionPath).Bind(options);
        return options;
    }
}
