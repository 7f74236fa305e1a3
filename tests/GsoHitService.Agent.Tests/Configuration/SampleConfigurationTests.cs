using GsoHitService.Agent.Configuration;
using GsoHitService.Decisions;
using GsoHitService.Sources.Configuration;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace GsoHitService.Agent.Tests.Configuration;

/// <summary>The sample configurations under <c>deploy/samples</c> bind and pass the agent's start-up validation.</summary>
public sealed class SampleConfigurationTests
{
    public static TheoryData<string> Departments => ["brp", "vergunningen", "belastingen", "sociaal-domein"];

    [Theory]
    [MemberData(nameof(Departments))]
    public void Sample_AgentSettings_AreValid(string department)
    {
        using var contentRoot = new TempDirectory();
        contentRoot.WriteFile(Path.Combine("keys", "matching.gsokey"), "");
        var configuration = Load(department);
        var options = configuration.GetSection(AgentOptions.SectionName).Get<AgentOptions>()!;

        var result = new AgentOptionsValidator(configuration, Environment(contentRoot)).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(department, options.Department);
        Assert.Equal("data/decision-uses.log", options.Decisions.UseRecordPath);
        Assert.False(options.EnableServerReflection);
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public void Sample_Sources_AreValid(string department)
    {
        var sources = Load(department).GetSection(AgentOptions.SectionName).Get<DepartmentSourcesOptions>()!;

        var result = new DepartmentSourcesOptionsValidator().Validate(null, sources);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.NotEmpty(sources.Sources);
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public void Sample_Endpoints_AreHttpsOnly(string department)
    {
        var endpoints = Load(department).GetSection("Server:Endpoints").Get<string[]>()!;

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.StartsWith("https://", endpoint, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public void Sample_Roster_NeedsRealKeys(string department)
    {
        var coreTeam = Load(department).GetSection(CoreTeamOptions.SectionName).Get<CoreTeamOptions>()!;

        var result = new CoreTeamOptionsValidator().Validate(null, coreTeam);

        Assert.Contains(coreTeam.Members, member => member.Role == CoreTeamRole.PrivacyOfficer);
        Assert.Contains(coreTeam.Members, member => member.Role == CoreTeamRole.LegalAdviser);
        Assert.True(result.Failed);
        Assert.Contains("CoreTeam:Members:0:PublicKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("gso member export-public", result.FailureMessage, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Load(string department) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Samples", department, "appsettings.json"), optional: false, reloadOnChange: false)
        .Build();

    private static IHostEnvironment Environment(TempDirectory contentRoot)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.ContentRootPath.Returns(contentRoot.Path);
        return environment;
    }
}
