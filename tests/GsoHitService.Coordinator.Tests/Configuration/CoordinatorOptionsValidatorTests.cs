using GsoHitService.Coordinator.Configuration;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace GsoHitService.Coordinator.Tests.Configuration;

public sealed class CoordinatorOptionsValidatorTests : IDisposable
{
    private readonly TempDirectory _contentRoot = new();
    private readonly CoordinatorOptionsValidator _validator;

    public CoordinatorOptionsValidatorTests()
    {
        _contentRoot.WriteFile(Path.Combine("keys", "matching.gsokey"), "placeholder; only its existence is checked here");
        var environment = Substitute.For<IHostEnvironment>();
        environment.ContentRootPath.Returns(_contentRoot.Path);
        _validator = new CoordinatorOptionsValidator(environment);
    }

    [Fact]
    public void Validate_SampleSettings_Succeeds()
    {
        var result = _validator.Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static readonly (string Setting, Action<CoordinatorOptions> Break)[] Violations =
    [
        ("Coordinator:MatchingKeyFile", options => options.MatchingKeyFile = ""),
        ("Coordinator:MatchingKeyFile", options => options.MatchingKeyFile = "keys/missing.gsokey"),
        ("Coordinator:AuditLogPath", options => options.AuditLogPath = " "),
        ("Coordinator:Agents is empty", options => options.Agents.Clear()),
        ("Coordinator:Agents:0:Department", options => options.Agents[0].Department = "BRP"),
        ("Coordinator:Agents:1:Department", options => options.Agents[1].Department = "brp"),
        ("Coordinator:Agents:0:Address", options => options.Agents[0].Address = "http://agent-brp:7443"),
        ("Coordinator:Agents:0:Address", options => options.Agents[0].Address = "https://agent-brp:7443/api"),
        ("Coordinator:Agents:0:ServerName", options => options.Agents[0].ServerName = " "),
        ("Coordinator:Queries:AgentDeadline", options => options.Queries.AgentDeadline = TimeSpan.FromMilliseconds(500)),
        ("Coordinator:Queries:AgentInfoDeadline", options => options.Queries.AgentInfoDeadline = TimeSpan.FromMinutes(6)),
        ("Coordinator:Queries:ContentReleaseDeadline", options => options.Queries.ContentReleaseDeadline = TimeSpan.Zero),
        ("Coordinator:Queries:ScreeningChunkTokens", options => options.Queries.ScreeningChunkTokens = 100_001),
        ("Coordinator:Queries:MaxInteractiveTokens", options => options.Queries.MaxInteractiveTokens = 0),
        ("Coordinator:Queries:ResultPageSize", options => options.Queries.ResultPageSize = 10_001),
        ("Coordinator:Decisions:DefaultValidity", options => options.Decisions.DefaultValidity = TimeSpan.FromMinutes(30)),
    ];

    public static TheoryData<int> ViolationIndexes => [.. Enumerable.Range(0, Violations.Length)];

    [Theory]
    [MemberData(nameof(ViolationIndexes))]
    public void Validate_BrokenSetting_NamesTheSetting(int index)
    {
        var (setting, breakIt) = Violations[index];
        var options = Valid();
        breakIt(options);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(setting, StringComparison.Ordinal));
    }

    public void Dispose() => _contentRoot.Dispose();

    private static CoordinatorOptions Valid() =>
        new()
        {
            MatchingKeyFile = "keys/matching.gsokey",
            Agents =
            [
                new AgentEndpointOptions { Department = "brp", Address = "https://agent-brp.gemeente.local:7443" },
                new AgentEndpointOptions { Department = "belastingen", Address = "https://10.1.2.3:7443", ServerName = "agent-belastingen.gemeente.local" },
            ],
        };
}
