using GsoHitService.Agent.Configuration;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace GsoHitService.Agent.Tests.Configuration;

public sealed class AgentOptionsValidatorTests : IDisposable
{
    private readonly TempDirectory _contentRoot = new();

    public AgentOptionsValidatorTests() => _contentRoot.WriteFile("matching.gsokey", "");

    public void Dispose() => _contentRoot.Dispose();

    [Fact]
    public void Validate_DefaultsWithRequiredSettings_Succeeds()
    {
        var result = Validate(_ => { });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, string> WrongValues => new()
    {
        { "Department:", "Agent:Department" },
        { "Department:sociaal domein", "Agent:Department" },
        { "Department:a-department-code-that-is-far-too-long-here", "Agent:Department" },
        { "AuditLogPath:", "Agent:AuditLogPath" },
        { "RefreshInterval:00:00:30", "Agent:Index:RefreshInterval" },
        { "MaxAge:00:30:00", "Agent:Index:MaxAge" },
        { "LoadTimeout:00:00:00", "Agent:Index:LoadTimeout" },
        { "FileChangeDelay:-00:00:01", "Agent:Index:FileChangeDelay" },
        { "MaxProbesPerRequest:0", "Agent:Limits:MaxProbesPerRequest" },
        { "MaxProbesPerRequest:2000001", "Agent:Limits:MaxProbesPerRequest" },
        { "MaxProbesPerCaller:199999", "Agent:Limits:MaxProbesPerCaller" },
        { "QuotaWindow:00:00:59", "Agent:Limits:QuotaWindow" },
        { "QuotaWindow:32.00:00:00", "Agent:Limits:QuotaWindow" },
        { "UseRecordPath:", "Agent:Decisions:UseRecordPath" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void Validate_WrongValue_FailsNamingSetting(string change, string key)
    {
        var result = Validate(options => Apply(options, change));

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("On")]
    public void Validate_EnforcementSetting_Fails(string enforcement)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Agent:Decisions:Enforcement"] = enforcement })
            .Build();

        var result = Validate(_ => { }, configuration);

        Assert.True(result.Failed);
        Assert.Contains("Agent:Decisions:Enforcement", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Remove the setting", result.FailureMessage, StringComparison.Ordinal);
    }

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(Action<AgentOptions> change, IConfiguration? configuration = null)
    {
        var options = new AgentOptions { Department = "brp", DisplayName = "Basisregistratie Personen", MatchingKeyFile = "matching.gsokey" };
        change(options);
        var environment = Substitute.For<IHostEnvironment>();
        environment.ContentRootPath.Returns(_contentRoot.Path);

        return new AgentOptionsValidator(configuration ?? new ConfigurationBuilder().Build(), environment).Validate(null, options);
    }

    private static void Apply(AgentOptions options, string change)
    {
        var separator = change.IndexOf(':', StringComparison.Ordinal);
        var (name, value) = (change[..separator], change[(separator + 1)..]);
        switch (name)
        {
            case "Department": options.Department = value; break;
            case "AuditLogPath": options.AuditLogPath = value; break;
            case "RefreshInterval": options.Index.RefreshInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxAge": options.Index.MaxAge = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "LoadTimeout": options.Index.LoadTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "FileChangeDelay": options.Index.FileChangeDelay = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxProbesPerRequest": options.Limits.MaxProbesPerRequest = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxProbesPerCaller": options.Limits.MaxProbesPerCaller = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "QuotaWindow": options.Limits.QuotaWindow = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "UseRecordPath": options.Decisions.UseRecordPath = value; break;
            default: throw new ArgumentException($"Unknown setting {name}.", nameof(change));
        }
    }
}
