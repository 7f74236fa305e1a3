using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GsoHitService.Hosting.Tests;

/// <summary>
/// Tests that the services read their configuration files once. A watcher on the content root would
/// handle an event for every audit and store write below it, and a reload would change nothing.
/// </summary>
public sealed class ConfigurationReloadTests
{
    [Fact]
    public void CreateBuilder_WithOptions_ReadsFilesOnce()
    {
        using var contentRoot = new TempDirectory();
        File.WriteAllText(contentRoot.Combine("appsettings.json"), """{ "Probe": "read at start-up" }""");

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });

        var files = builder.Configuration.Sources.OfType<FileConfigurationSource>().ToArray();
        Assert.Contains(files, source => source.Path == "appsettings.json");
        Assert.All(files, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched for changes."));
        Assert.Equal("read at start-up", builder.Configuration["Probe"]);
    }

    [Fact]
    public void CreateBuilder_ForService_ReadsFilesOnce()
    {
        var builder = GsoServiceHost.CreateBuilder([], "GsoHitServiceTest");

        var files = builder.Configuration.Sources.OfType<FileConfigurationSource>().ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched for changes."));
    }

    [Fact]
    public void CreateBuilder_ReloadArgument_Wins()
    {
        using var contentRoot = new TempDirectory();

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=true"],
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });

        var files = builder.Configuration.Sources.OfType<FileConfigurationSource>().ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, source => Assert.True(source.ReloadOnChange, $"{source.Path} is not watched although the argument asks for it."));
    }
}
