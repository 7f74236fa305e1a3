using GsoHitService.Sources.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Sources.Tests.Configuration;

/// <summary>Every invalid setting is reported at start-up with its full configuration path.</summary>
public sealed class OptionsValidationTests
{
    private static readonly Dictionary<string, string?> ValidCsv = new()
    {
        ["Agent:Sources:0:Name"] = "belastingen",
        ["Agent:Sources:0:Kind"] = "Csv",
        ["Agent:Sources:0:Path"] = "exports/woz.csv",
        ["Agent:Sources:0:Identifiers:0:Type"] = "bsn",
        ["Agent:Sources:0:Identifiers:0:Field"] = "bsn",
    };

    public static TheoryData<string[], string> InvalidSettings => new()
    {
        { ["Agent:Sources:0:Name="], "Agent:Sources:0:Name is required" },
        { ["Agent:Sources:0:Name=wrong name"], "Agent:Sources:0:Name 'wrong name' may contain only" },
        { ["Agent:Sources:1:Name=belastingen", "Agent:Sources:1:Kind=BrpGbaJson", "Agent:Sources:1:Path=brp.json"], "Agent:Sources:1:Name 'belastingen' is used by more than one source" },
        { ["Agent:Sources:0:Kind="], "Agent:Sources:0:Kind is required" },
        { ["Agent:Sources:0:Path="], "Agent:Sources:0:Path is required for a Csv source" },
        { ["Agent:Sources:0:Csv:Delimiter=#"], "Agent:Sources:0:Csv:Delimiter '#' is not supported" },
        { ["Agent:Sources:0:Csv:Encoding=latin1"], "Agent:Sources:0:Csv:Encoding 'latin1' is not supported" },
        { ["Agent:Sources:0:Identifiers:0:Type=postcode"], "Agent:Sources:0:Identifiers:0:Type 'postcode' is not an identifier type" },
        { ["Agent:Sources:0:Identifiers:0:Field="], "Agent:Sources:0:Identifiers:0:Field is required for type bsn" },
        { ["Agent:Sources:0:Identifiers:0:Separator=,", "Agent:Sources:0:Identifiers:1:Type=adres", "Agent:Sources:0:Identifiers:1:Address:Postcode=pc", "Agent:Sources:0:Identifiers:1:Separator=,"], "Agent:Sources:0:Identifiers:1:Separator applies only" },
        { ["Agent:Sources:0:Identifiers:0:Type=adres", "Agent:Sources:0:Identifiers:0:Address:Postcode=pc"], "Agent:Sources:0:Identifiers:0:Address:Postcode and Agent:Sources:0:Identifiers:0:Address:HouseNumber are required" },
        { ["Agent:Sources:0:Identifiers:0:Type=kenteken", "Agent:Sources:0:Identifiers:0:RestoreLeadingZeros=true"], "Agent:Sources:0:Identifiers:0:RestoreLeadingZeros applies only" },
        { ["Agent:Sources:0:Identifiers:0:Type=naam-geboortedatum", "Agent:Sources:0:Identifiers:0:Field=", "Agent:Sources:0:Identifiers:0:Name:Surname=naam", "Agent:Sources:0:Identifiers:0:Name:BirthDate=datum", "Agent:Sources:0:Identifiers:0:DateFormats:0=MM/dd/yy"], "Agent:Sources:0:Identifiers:0:DateFormats:" },
        { ["Agent:Sources:0:Identifiers:0:Type=naam-geboortedatum", "Agent:Sources:0:Identifiers:0:Field=", "Agent:Sources:0:Identifiers:0:Name:Surname=naam", "Agent:Sources:0:Identifiers:0:Name:BirthDate=datum", "Agent:Sources:0:Identifiers:0:Name:PartnerSurname=partner"], "Agent:Sources:0:Identifiers:0:Name:NameUsage and" },
        { ["Agent:Sources:0:Identifiers:0:When:0:Operator=Equal", "Agent:Sources:0:Identifiers:0:When:0:Value=x"], "Agent:Sources:0:Identifiers:0:When:0:Field is required" },
        { ["Agent:Sources:0:Relevance:0:Field=status"], "Agent:Sources:0:Relevance:0:Operator is required" },
        { ["Agent:Sources:0:Relevance:0:Field=status", "Agent:Sources:0:Relevance:0:Operator=In"], "Agent:Sources:0:Relevance:0:Values must list" },
        { ["Agent:Sources:0:Relevance:0:Field=einddatum", "Agent:Sources:0:Relevance:0:Operator=OnOrAfter", "Agent:Sources:0:Relevance:0:Value=yesterday"], "Agent:Sources:0:Relevance:0:Value must be a date" },
        { ["Agent:Sources:0:Relevance:0:Field=status", "Agent:Sources:0:Relevance:0:Operator=Equal", "Agent:Sources:0:Relevance:0:Value=x", "Agent:Sources:0:Relevance:0:EmptyMatches=true"], "Agent:Sources:0:Relevance:0: DateFormats and EmptyMatches apply only" },
        { ["Agent:Sources:0:ReleasableFields:wozwaarde:0="], "Agent:Sources:0:ReleasableFields:wozwaarde must list" },
        { ["Agent:Sources:0:Kind=Json", "Agent:Sources:0:Identifiers:0:Field=persoon..bsn"], "Agent:Sources:0:Identifiers:0:Field 'persoon..bsn' is not a valid field path" },
        { ["Agent:Sources:0:Kind=Json", "Agent:Sources:0:Json:RecordsPath=content["], "Agent:Sources:0:Json:RecordsPath is not a valid field path" },
        { ["Agent:Sources:0:Kind=BrpHaalCentraal"], "Agent:Sources:0:Identifiers must be empty for a BrpHaalCentraal source" },
        { ["Agent:Sources:0:Kind=Sql", "Agent:Sources:0:Path=", "Agent:Sources:0:Sql:Provider=Sqlite", "Agent:Sources:0:Sql:Query=SELECT 1"], "Agent:Sources:0:Sql: set exactly one of" },
        { ["Agent:Sources:0:Kind=Sql", "Agent:Sources:0:Path=", "Agent:Sources:0:Sql:Provider=Sqlite", "Agent:Sources:0:Sql:ConnectionString=Data Source=a.db", "Agent:Sources:0:Sql:ConnectionStringFile=cs.txt", "Agent:Sources:0:Sql:Query=SELECT 1"], "Agent:Sources:0:Sql: set exactly one of" },
        { ["Agent:Sources:0:Kind=Sql", "Agent:Sources:0:Path=", "Agent:Sources:0:Sql:Provider=Sqlite", "Agent:Sources:0:Sql:ConnectionString=Data Source=a.db"], "Agent:Sources:0:Sql:Query is required" },
        { ["Agent:Sources:0:Kind=Sql", "Agent:Sources:0:Sql:Provider=Sqlite", "Agent:Sources:0:Sql:ConnectionString=Data Source=a.db", "Agent:Sources:0:Sql:Query=SELECT 1"], "Agent:Sources:0:Path is not used by a Sql source" },
        { ["Agent:Sources:0:Kind=Sql", "Agent:Sources:0:Path=", "Agent:Sources:0:Sql:ConnectionString=Data Source=a.db", "Agent:Sources:0:Sql:Query=SELECT 1"], "Agent:Sources:0:Sql:Provider is required" },
    };

    [Fact]
    public void Validate_ValidSource_Succeeds()
    {
        var result = Validate(Bind(ValidCsv));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_NamesIt(string[] settings, string expected)
    {
        var values = new Dictionary<string, string?>(ValidCsv);
        foreach (var setting in settings)
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            values[setting[..separator]] = setting[(separator + 1)..];
        }

        var result = Validate(Bind(values));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoSources_Fails()
    {
        var result = Validate(new DepartmentSourcesOptions());

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Agent:Sources must list one or more sources", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OtherSectionPath_NamesIt()
    {
        var result = new DepartmentSourcesOptionsValidator("Afdeling").Validate(Options.DefaultName, new DepartmentSourcesOptions { Sources = [new SourceOptions()] });

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Afdeling:Sources:0:Name is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_InvalidSource_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(ValidCsv) { ["Agent:Sources:0:Csv:Delimiter"] = "#" });
        builder.Services.AddDepartmentSourceOptions();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Agent:Sources:0:Csv:Delimiter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_ValidSources_StartsAndBinds()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(ValidCsv);
        builder.Services.AddDepartmentSourceOptions();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal("belastingen", host.Services.GetRequiredService<IOptions<DepartmentSourcesOptions>>().Value.Sources.Single().Name);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Factory_InvalidOptions_ThrowsWithEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SourceFactory(Path.GetTempPath()).Create(new SourceOptions { Name = "x", Kind = SourceKind.Csv }));

        Assert.Contains("Path is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Identifiers must map", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_RelativeContentRoot_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new SourceFactory("relative/folder"));

    private static DepartmentSourcesOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new DepartmentSourcesOptions();
        configuration.GetSection("Agent").Bind(options);
        return options;
    }

    private static ValidateOptionsResult Validate(DepartmentSourcesOptions options) =>
        new DepartmentSourcesOptionsValidator().Validate(Options.DefaultName, options);
}
