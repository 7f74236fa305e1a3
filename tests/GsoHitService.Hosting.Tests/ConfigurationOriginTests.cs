using GsoHitService.Hosting.Internal;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Configuration;

namespace GsoHitService.Hosting.Tests;

public sealed class ConfigurationOriginTests
{
    [Fact]
    public void Describe_KeyInJsonFile_NamesFile()
    {
        using var folder = new TempDirectory();
        var file = folder.WriteFile("appsettings.json", """{ "Server": { "Endpoints": [ "https://127.0.0.1:7443" ] } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(folder.Path).AddJsonFile("appsettings.json").Build();

        Assert.Equal($"in {file}", ConfigurationOrigin.Describe(configuration, "Server:Endpoints"));
        Assert.Equal($"in {file}", ConfigurationOrigin.Describe(configuration, "Server:Endpoints:0"));
    }

    [Fact]
    public void Describe_LaterSourceOverrides_NamesLaterSource()
    {
        using var folder = new TempDirectory();
        folder.WriteFile("appsettings.json", """{ "Server": { "Certificate": { "Path": "a.pem" } } }""");
        var configuration = new ConfigurationBuilder()
            .SetBasePath(folder.Path)
            .AddJsonFile("appsettings.json")
            .AddCommandLine(["--Server:Certificate:Path=b.pem"])
            .Build();

        Assert.Equal("on the command line", ConfigurationOrigin.Describe(configuration, "Server:Certificate:Path"));
    }

    [Fact]
    public void Describe_EnvironmentVariable_NamesVariable()
    {
        var prefix = $"GSO_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable($"{prefix}Server__Certificate__Path", "c.pem");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            Assert.Equal("in an environment variable (Server__Certificate__Path)", ConfigurationOrigin.Describe(configuration, "Server:Certificate:Path"));
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}Server__Certificate__Path", null);
        }
    }

    [Fact]
    public void Describe_MissingKey_SuggestsExistingFile()
    {
        using var folder = new TempDirectory();
        var file = folder.WriteFile("appsettings.json", "{}");
        var configuration = new ConfigurationBuilder()
            .SetBasePath(folder.Path)
            .AddJsonFile("appsettings.json")
            .AddJsonFile("appsettings.Production.json", optional: true)
            .Build();

        Assert.Equal($"(not set; add it to {file})", ConfigurationOrigin.Describe(configuration, "Server:Endpoints"));
    }
}
