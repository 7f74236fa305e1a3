using Grpc.Core;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Options;
using static GsoHitService.EndToEnd.Tests.Coordinator.CoordinatorTestEnvironment;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>Agent listing, an agent under another matching key, and settings that stop the start.</summary>
public sealed class CoordinatorAgentTests
{
    [Fact]
    public async Task ListAgents_OneAgentStopped_IsUnreachableOthersCompatible()
    {
        await using var environment = await StartAsync();
        await environment.Agent(Taxes).StopAsync();

        var reply = await environment.Client.ListAgentsAsync(new Proto.ListAgentsRequest(), deadline: Deadline(), cancellationToken: Token);

        var taxes = reply.Agents.Single(agent => agent.Department == Taxes);
        Assert.False(taxes.Reachable);
        Assert.Contains("GetAgentInfo", taxes.Problem, StringComparison.Ordinal);
        Assert.Null(taxes.Info);
        Assert.All(reply.Agents.Where(agent => agent.Department != Taxes), agent => Assert.True(agent.Reachable && agent.Compatible, agent.Problem));
        Assert.Equal([Brp, Permits, Taxes, Social], reply.Agents.Select(agent => agent.Department));
    }

    [Fact]
    public async Task RunHitQuery_AgentUnderOtherKeyEpoch_IsVersionMismatchNotNoHit()
    {
        using var key = MatchingKey.Generate(KeyEpoch);
        using var otherKey = MatchingKey.Generate("2026-07");
        using var kerngroep = new TestKerngroep();
        await using var agent = await TestAgent.StartAsync(Taxes, otherKey, [IdentifierType.Bsn], [new AgentRecord(Bsn: BsnA)], kerngroep);
        await using var coordinator = await TestCoordinator.StartAsync(key, kerngroep, [(Taxes, agent.Address)]);
        var client = coordinator.CreateClient();
        var signal = await client.RegisterSignalAsync(StandardSignal(), deadline: Deadline(), cancellationToken: Token);
        var prepare = new Proto.PreparePrivacyCheck1Request { SignalId = signal.SignalId, Purpose = "Onderzoek", LegalBasis = "Gemeentewet art. 174a" };
        prepare.Scopes.Add(Scope(Taxes));
        var prepared = await client.PreparePrivacyCheck1Async(prepare, deadline: Deadline(), cancellationToken: Token);
        var decision = await client.SubmitSignedDecisionAsync(
            new Proto.SubmitSignedDecisionRequest { Decision = TestKerngroep.Sign(prepared.Payload, kerngroep.PrivacyOfficer, kerngroep.Chair) },
            deadline: Deadline(),
            cancellationToken: Token);

        var agents = await client.ListAgentsAsync(new Proto.ListAgentsRequest(), deadline: Deadline(), cancellationToken: Token);
        var result = await client.RunHitQueryAsync(
            new Proto.RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = decision.DecisionId }, deadline: Deadline(), cancellationToken: Token);

        var listed = Assert.Single(agents.Agents);
        Assert.True(listed.Reachable);
        Assert.False(listed.Compatible);
        Assert.Contains("key epoch \"2026-07\"", listed.Problem, StringComparison.Ordinal);
        var outcome = result.OutcomeOf(Taxes);
        Assert.Equal(Proto.DepartmentOutcome.VersionMismatch, outcome.Outcome);
        Assert.Equal(DepartmentOutcomeReasons.VersionMismatch, DepartmentOutcomeReasons.GetCode(outcome.Reason));
        Assert.Equal(Proto.HitAnswer.Unavailable, result.AnswerOf("Betrokkene A", Taxes, Proto.IdentifierType.Bsn));
    }

    [Fact]
    public async Task Start_NoAgentsConfigured_StopsNamingTheSetting()
    {
        using var key = MatchingKey.Generate(KeyEpoch);
        using var kerngroep = new TestKerngroep();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCoordinator.StartAsync(key, kerngroep, []));

        Assert.Contains("Coordinator:Agents is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PlaintextAgentAddress_StopsNamingTheSetting()
    {
        using var key = MatchingKey.Generate(KeyEpoch);
        using var kerngroep = new TestKerngroep();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => TestCoordinator.StartAsync(key, kerngroep, [(Brp, new Uri("http://127.0.0.1:7443"))]));

        Assert.Contains("Coordinator:Agents:0:Address", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmptyRoster_StopsNamingTheSection()
    {
        using var key = MatchingKey.Generate(KeyEpoch);
        using var kerngroep = new TestKerngroep();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestCoordinator.StartAsync(
            key, kerngroep, [(Brp, new Uri("https://127.0.0.1:7443"))], settings => settings["CoreTeam"] = new System.Text.Json.Nodes.JsonObject()));

        Assert.Contains("CoreTeam", failure.Message, StringComparison.Ordinal);
    }
}
