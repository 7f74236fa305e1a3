using System.Globalization;
using GsoHitService.Cli.Coordinator;
using GsoHitService.TestSupport;

namespace GsoHitService.Cli.Tests.Coordinator;

public sealed class CoordinatorSettingsLoaderTests : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _folder = new();
    private readonly Dictionary<string, string> _variables = [];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_OptionsOnly_ResolvesAgainstCurrentFolder()
    {
        var settings = Load(new ConnectionInput("https://coordinator.gemeente.example:7443", "ic.crt.pem", "ic.key.pem", null, "ca.crt.pem"));

        Assert.Equal(new Uri("https://coordinator.gemeente.example:7443"), settings.Address);
        Assert.Equal(Path.Combine(Work, "ic.crt.pem"), settings.Certificate.Path);
        Assert.Equal("--certificaat", settings.Certificate.Origin);
        Assert.Equal(Path.Combine(Work, "ic.key.pem"), settings.Key!.Path);
        Assert.Equal(Path.Combine(Work, "ca.crt.pem"), settings.Ca.Path);
        Assert.Null(settings.CertificatePasswordFile);
        Assert.Equal(DefaultTimeout, settings.Timeout);
        Assert.Null(settings.SettingsFile);
    }

    [Fact]
    public void Load_OptionBeatsVariableBeatsFile()
    {
        WriteSettings(_folder.Combine("work", "gso.json"), """{ "coordinator": "https://from-file:1", "certificaat": "file.pem", "ca": "file-ca.pem", "timeout": 7 }""");
        _variables["GSO_COORDINATOR"] = "https://from-variable:2";
        _variables["GSO_CERTIFICAAT"] = "variable.pem";

        var settings = Load(new ConnectionInput(Address: "https://from-option:3"));

        Assert.Equal(new Uri("https://from-option:3"), settings.Address);
        Assert.Equal(Path.Combine(Work, "variable.pem"), settings.Certificate.Path);
        Assert.Equal("GSO_CERTIFICAAT", settings.Certificate.Origin);
        Assert.Equal(Path.Combine(Work, "file-ca.pem"), settings.Ca.Path);
        Assert.Contains("\"ca\" in", settings.Ca.Origin, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.Timeout);
    }

    [Fact]
    public void Load_ConfigVariable_ResolvesFromFileFolder()
    {
        var file = _folder.Combine("elders", "mijn-gso.json");
        WriteSettings(file, """{ "coordinator": "https://c:1", "certificaat": "certs/ic.pfx", "certificaatwachtwoord": "certs/wachtwoord.txt", "ca": "/etc/gso/ca.pem" }""");
        _variables["GSO_CONFIG"] = file;

        var settings = Load(new ConnectionInput());

        Assert.Equal(file, settings.SettingsFile);
        Assert.Equal(_folder.Combine("elders", "certs", "ic.pfx"), settings.Certificate.Path);
        Assert.Equal(_folder.Combine("elders", "certs", "wachtwoord.txt"), settings.CertificatePasswordFile!.Path);
        Assert.Equal(Path.GetFullPath("/etc/gso/ca.pem"), settings.Ca.Path);
    }

    [Fact]
    public void Load_ConfigOption_BeatsConfigVariable()
    {
        var chosen = _folder.Combine("gekozen.json");
        WriteSettings(chosen, """{ "coordinator": "https://chosen:1", "certificaat": "c.pem", "ca": "ca.pem" }""");
        _variables["GSO_CONFIG"] = _folder.Combine("bestaat-niet.json");

        var settings = Load(new ConnectionInput(ConfigFile: chosen));

        Assert.Equal(new Uri("https://chosen:1"), settings.Address);
    }

    [Fact]
    public void Load_UserConfigFolder_IsLastDefault()
    {
        WriteSettings(_folder.Combine("config", "gso", "gso.json"), """{ "coordinator": "https://user:1", "certificaat": "~/certs/ic.pem", "ca": "ca.pem" }""");

        var settings = Load(new ConnectionInput());

        Assert.Equal(new Uri("https://user:1"), settings.Address);
        Assert.Equal(_folder.Combine("home", "certs", "ic.pem"), settings.Certificate.Path);
        Assert.Equal(_folder.Combine("config", "gso", "ca.pem"), settings.Ca.Path);
    }

    [Fact]
    public void Load_CurrentFolderFile_BeatsUserConfigFolder()
    {
        WriteSettings(_folder.Combine("config", "gso", "gso.json"), """{ "coordinator": "https://user:1", "certificaat": "c.pem", "ca": "ca.pem" }""");
        WriteSettings(_folder.Combine("work", "gso.json"), """{ "coordinator": "https://work:1", "certificaat": "c.pem", "ca": "ca.pem" }""");

        var settings = Load(new ConnectionInput());

        Assert.Equal(new Uri("https://work:1"), settings.Address);
    }

    [Fact]
    public void Load_AddressMissing_NamesAllThreeSources()
    {
        var exception = Assert.Throws<CoordinatorCommandException>(() => Load(new ConnectionInput(Certificate: "c.pem", Ca: "ca.pem")));

        Assert.Equal(ExitCodes.UsageError, exception.ExitCode);
        Assert.Contains("Het adres van de coördinator ontbreekt", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--coordinator", exception.Message, StringComparison.Ordinal);
        Assert.Contains("GSO_COORDINATOR", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"coordinator\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Er is geen instellingenbestand gevonden", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "coordinater": "https://c:1" }""", "onbekende instelling \"coordinater\"")]
    [InlineData("""{ "timeout": "30" }""", "\"timeout\" moet een heel getal zijn")]
    [InlineData("""{ "ca": 5 }""", "\"ca\" moet tekst zijn")]
    [InlineData("""[ "https://c:1" ]""", "het moet één JSON-object zijn")]
    [InlineData("""{ "coordinator": """, "het is geen geldige JSON")]
    public void Load_InvalidSettingsFile_ExitsTwo(string json, string expected)
    {
        WriteSettings(_folder.Combine("work", "gso.json"), json);

        var exception = Assert.Throws<CoordinatorCommandException>(() => Load(new ConnectionInput()));

        Assert.Equal(ExitCodes.InvalidInput, exception.ExitCode);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://c:1")]
    [InlineData("https://c:1/pad")]
    [InlineData("https://gebruiker@c:1")]
    [InlineData("coordinator:7443")]
    public void Load_InvalidAddress_ExitsTwo(string address)
    {
        var exception = Assert.Throws<CoordinatorCommandException>(() => Load(new ConnectionInput(address, "c.pem", Ca: "ca.pem")));

        Assert.Equal(ExitCodes.InvalidInput, exception.ExitCode);
        Assert.Contains("is geen geldig adres", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    [InlineData("-5")]
    [InlineData("tien")]
    public void Load_InvalidTimeoutVariable_ExitsTwo(string timeout)
    {
        _variables["GSO_TIMEOUT"] = timeout;

        var exception = Assert.Throws<CoordinatorCommandException>(() => Load(new ConnectionInput("https://c:1", "c.pem", Ca: "ca.pem")));

        Assert.Equal(ExitCodes.InvalidInput, exception.ExitCode);
        Assert.Contains("GSO_TIMEOUT: de timeout moet een heel aantal seconden zijn", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfigFileMissing_ExitsTwo()
    {
        var exception = Assert.Throws<CoordinatorCommandException>(() => Load(new ConnectionInput(ConfigFile: "weg.json")));

        Assert.Equal(ExitCodes.InvalidInput, exception.ExitCode);
        Assert.Contains(Path.Combine(Work, "weg.json") + " (--config) bestaat niet", exception.Message, StringComparison.Ordinal);
    }

    private string Work => _folder.Combine("work");

    private CoordinatorSettings Load(ConnectionInput input)
    {
        Directory.CreateDirectory(Work);
        var environment = new SettingsEnvironment(
            name => _variables.GetValueOrDefault(name),
            Work,
            _folder.Combine("config"),
            _folder.Combine("home"));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            return CoordinatorSettingsLoader.Load(input, environment, DefaultTimeout);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static void WriteSettings(string path, string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }
}
