using GsoHitService.Decisions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GsoHitService.Decisions.Tests;

public sealed class CoreTeamOptionsValidatorTests : IDisposable
{
    private readonly TestMembers _members = new();

    public void Dispose() => _members.Dispose();

    private static ValidateOptionsResult Validate(CoreTeamOptions options) => new CoreTeamOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_CompleteRoster_Succeeds()
    {
        Assert.True(Validate(_members.Options()).Succeeded);
    }

    public static TheoryData<string, Action<CoreTeamOptions>> InvalidOptions => new()
    {
        { "Members is empty", options => options.Members.Clear() },
        { "Members:0:Id is missing", options => options.Members[0].Id = null },
        { "Members:0:Id may contain only printable ASCII", options => options.Members[0].Id = "met spatie" },
        { "appears more than once", options => options.Members[1].Id = options.Members[0].Id },
        { "Members:0:Name is missing", options => options.Members[0].Name = null },
        { "Members:0:Role is missing or unknown", options => options.Members[0].Role = null },
        { "Members:0:Role is missing or unknown", options => options.Members[0].Role = (CoreTeamRole)42 },
        { "Members:0:PublicKey is missing", options => options.Members[0].PublicKey = "" },
        { "is not the base64 form", options => options.Members[0].PublicKey = "bm9nIGdlZW4gc2xldXRlbA==" },
        { "is not the base64 form", options => options.Members[0].PublicKey = "geen base64!" },
        { "not a curve point of full order", options => options.Members[0].PublicKey = Convert.ToBase64String([1, .. new byte[31]]) },
        { "is also the key of another member", options => options.Members[1].PublicKey = options.Members[0].PublicKey },
        { "no member in the roster has that role", options => options.Members.RemoveAll(member => member.Role == CoreTeamRole.LegalAdviser) },
        { "PrivacyCheck1:MinimumSigners is 0", options => options.PrivacyCheck1 = new() { MinimumSigners = 0 } },
        { "at least the number of required roles (2)", options => options.PrivacyCheck2 = new() { MinimumSigners = 1 } },
        { "the roster has only 4 members", options => options.PrivacyCheck1 = new() { MinimumSigners = 5 } },
        { "names a role twice", options => options.PrivacyCheck1 = new() { RequiredRoles = [CoreTeamRole.Chair, CoreTeamRole.Chair] } },
        { "contains an unknown role", options => options.PrivacyCheck2 = new() { RequiredRoles = [(CoreTeamRole)9] } },
        { "ClockSkewTolerance", options => options.ClockSkewTolerance = TimeSpan.FromMinutes(11) },
        { "ClockSkewTolerance", options => options.ClockSkewTolerance = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_BrokenRule_FailsNamingTheSetting(string expectedInMessage, Action<CoreTeamOptions> change)
    {
        var options = _members.Options();
        change(options);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains(expectedInMessage, StringComparison.Ordinal));
    }

    private Dictionary<string, string?> ConfigurationValues()
    {
        var values = new Dictionary<string, string?>();
        var members = _members.Options().Members;
        for (var i = 0; i < members.Count; i++)
        {
            values[$"CoreTeam:Members:{i}:Id"] = members[i].Id;
            values[$"CoreTeam:Members:{i}:Name"] = members[i].Name;
            values[$"CoreTeam:Members:{i}:Role"] = members[i].Role.ToString();
            values[$"CoreTeam:Members:{i}:PublicKey"] = members[i].PublicKey;
        }

        return values;
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> values, TemporaryFolder folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDecisionVerification(configuration.GetSection(CoreTeamOptions.SectionName), folder.File("decision-uses.log"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddDecisionVerification_BindsRosterAndPolicies()
    {
        using var folder = new TemporaryFolder();
        var values = ConfigurationValues();
        values["CoreTeam:PrivacyCheck1:RequiredRoles:0"] = "Chair";
        values["CoreTeam:PrivacyCheck1:MinimumSigners"] = "3";
        values["CoreTeam:ClockSkewTolerance"] = "00:00:30";
        using var services = BuildServices(values, folder);

        var roster = services.GetRequiredService<CoreTeamRoster>();

        Assert.Equal(4, roster.Members.Count);
        Assert.Equal([CoreTeamRole.Chair], roster.GetPolicy(DecisionKind.PrivacyCheck1).RequiredRoles);
        Assert.Equal(3, roster.GetPolicy(DecisionKind.PrivacyCheck1).MinimumSigners);
        Assert.Equal(TimeSpan.FromSeconds(30), roster.ClockSkewTolerance);
        Assert.NotNull(services.GetRequiredService<DecisionVerifier>());
    }

    [Fact]
    public void AddDecisionVerification_InvalidRoster_FailsStartupValidation()
    {
        using var folder = new TemporaryFolder();
        var values = ConfigurationValues();
        values["CoreTeam:Members:3:PublicKey"] = values["CoreTeam:Members:0:PublicKey"];
        using var services = BuildServices(values, folder);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("is also the key of another member", exception.Message, StringComparison.Ordinal);
    }
}
