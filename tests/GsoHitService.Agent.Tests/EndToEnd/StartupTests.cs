using System.Text.Json.Nodes;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Tests.EndToEnd;

public sealed class StartupTests
{
    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Department", "BRP", "Agent:Department" },
        { "DisplayName", "", "Agent:DisplayName" },
        { "MatchingKeyFile", "keys/bestaat-niet.gsokey", "Agent:MatchingKeyFile" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task Start_WrongAgentSetting_StopsNamingSettingAndFile(string setting, string value, string key)
    {
        await using var host = AgentTestHost.Build(setup => setup.Agent[setting] = value);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAppAsync);

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(host.ContentRoot, "appsettings.json"), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MaxAgeNotLongerThanRefresh_StopsNamingBothSettings()
    {
        await using var host = AgentTestHost.Build(setup => setup.Agent["Index"] = new JsonObject { ["RefreshInterval"] = "02:00:00", ["MaxAge"] = "01:00:00" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAppAsync);

        Assert.Contains("Agent:Index:MaxAge", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Agent:Index:RefreshInterval", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoSources_StopsNamingSetting()
    {
        await using var host = AgentTestHost.Build(setup => setup.Agent.Remove("Sources"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAppAsync);

        Assert.Contains("Agent:Sources", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PlaintextEndpoint_Stops()
    {
        await using var host = AgentTestHost.Build(setup => setup.Settings["Server"]!["Endpoints"] = new JsonArray("http://127.0.0.1:0"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAppAsync);

        Assert.Contains("http://", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoRoster_StopsNamingCoreTeam()
    {
        await using var host = AgentTestHost.Build(setup => setup.Settings.Remove("CoreTeam"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAppAsync);

        Assert.Contains("CoreTeam", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UseRecordInUse_Stops()
    {
        await using var first = await AgentTestHost.StartAsync();
        await using var second = AgentTestHost.Build(setup =>
            setup.Agent["Decisions"] = new JsonObject { ["UseRecordPath"] = Path.Combine(first.ContentRoot, "data", "decision-uses.log") });

        var failure = await Assert.ThrowsAnyAsync<Exception>(second.StartAppAsync);

        Assert.Contains("in use by another agent process", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Roster_LogsKeyFingerprints()
    {
        await using var host = await AgentTestHost.StartAsync();

        var entries = host.Logs.WithEvent("RosterMember").Select(entry => entry.Message).ToArray();

        Assert.Equal(3, entries.Length);
        Assert.Contains(entries, message => message.Contains(TestKerngroep.Shared.PrivacyOfficer.PublicKeyFingerprint, StringComparison.Ordinal));
        Assert.Contains(entries, message => message.Contains("jurist-1 (LegalAdviser)", StringComparison.Ordinal));
    }
}
