using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GsoHitService.Decisions.Keys;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// A coordinator with four real agents on loopback, all under one matching key, and a kerngroep
/// that signs decisions. The standard signal has three subjects whose expected answers per
/// department are fixed by the agents' exports below.
/// </summary>
internal sealed class CoordinatorTestEnvironment : IAsyncDisposable
{
    public const string Brp = "brp";
    public const string Permits = "vergunningen";
    public const string Taxes = "belastingen";
    public const string Social = "sociaal-domein";

    public const string KeyEpoch = "2026-01";

    /// <summary>Person A: BSN and address, both in the BRP export.</summary>
    public const string BsnA = "111222333";

    /// <summary>Person B: BSN only, in the social-domain export.</summary>
    public const string BsnB = "123456782";

    /// <summary>Company C: KvK-nummer and address, both in the permits export.</summary>
    public const string KvkC = "12345678";

    private readonly Dictionary<string, TestAgent> _agents;

    private CoordinatorTestEnvironment(MatchingKey key, TestKerngroep kerngroep, Dictionary<string, TestAgent> agents, TestCoordinator coordinator)
    {
        Key = key;
        Kerngroep = kerngroep;
        _agents = agents;
        Coordinator = coordinator;
        Client = coordinator.CreateClient();
    }

    public MatchingKey Key { get; }

    public TestKerngroep Kerngroep { get; }

    public TestCoordinator Coordinator { get; }

    public Proto.Coordinator.CoordinatorClient Client { get; private set; }

    public TestAgent Agent(string department) => _agents[department];

    /// <summary>
    /// Starts the four agents and the coordinator. <paramref name="agentServices"/> may change an
    /// agent's services by department, for example to hold its lookups.
    /// </summary>
    public static async Task<CoordinatorTestEnvironment> StartAsync(IReadOnlyDictionary<string, Action<IServiceCollection>>? agentServices = null)
    {
        var key = MatchingKey.Generate(KeyEpoch);
        var kerngroep = new TestKerngroep();
        var agents = new Dictionary<string, TestAgent>(StringComparer.Ordinal);
        try
        {
            foreach (var (department, types, records) in Exports())
            {
                agents[department] = await TestAgent.StartAsync(department, key, types, records, kerngroep, agentServices?.GetValueOrDefault(department));
            }

            var coordinator = await TestCoordinator.StartAsync(key, kerngroep, agents.Values.Select(agent => (agent.Department, agent.Address)));
            return new CoordinatorTestEnvironment(key, kerngroep, agents, coordinator);
        }
        catch
        {
            foreach (var agent in agents.Values)
            {
                await agent.DisposeAsync();
            }

            kerngroep.Dispose();
            key.Dispose();
            throw;
        }
    }

    /// <summary>Starts a new agent for a stopped department on its old address, with the same export.</summary>
    public async Task<TestAgent> RestartAgentOnAsync(string department, Uri address)
    {
        var (_, types, records) = Exports().Single(export => export.Department == department);
        return await TestAgent.StartAsync(department, Key, types, records, Kerngroep, port: address.Port);
    }

    /// <summary>
    /// Waits until the coordinator reaches the department's agent again. After a failed
    /// connection its channel waits between reconnect attempts (up to AgentClient:MaxReconnectBackoff).
    /// </summary>
    public async Task WaitUntilReachableAsync(string department)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var reply = await Client.ListAgentsAsync(new Proto.ListAgentsRequest(), deadline: Deadline(), cancellationToken: Token);
            if (reply.Agents.Single(agent => agent.Department == department).Reachable)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The coordinator did not reach the agent of {department} again within 20 seconds.");
            await Task.Delay(200, Token);
        }
    }

    /// <summary>Restarts the coordinator on its content root and connects a new client.</summary>
    public async Task RestartCoordinatorAsync(TimeSpan? grace = null)
    {
        await Coordinator.StopAsync(grace);
        await Coordinator.StartAgainAsync();
        Client = Coordinator.CreateClient();
    }

    /// <summary>Registers the standard signal: persons A and B and company C.</summary>
    public async Task<Proto.RegisterSignalReply> RegisterSignalAsync() =>
        await Client.RegisterSignalAsync(StandardSignal(), deadline: Deadline(), cancellationToken: Token);

    public static Proto.RegisterSignalRequest StandardSignal()
    {
        var request = new Proto.RegisterSignalRequest
        {
            Title = "Signaal hennepteelt",
            Reporter = "melding wijkagent",
            Description = "Afgeplakte ramen en veel bezoek in de avond.",
        };
        request.Subjects.Add(Subject("Betrokkene A", "persoon", (Proto.IdentifierType.Bsn, BsnA), (Proto.IdentifierType.Address, "1234AB;12")));
        request.Subjects.Add(Subject("Betrokkene B", "persoon", (Proto.IdentifierType.Bsn, BsnB)));
        request.Subjects.Add(Subject("Bedrijf C", "organisatie", (Proto.IdentifierType.KvkNumber, KvkC), (Proto.IdentifierType.Address, "5678CD;1")));
        return request;
    }

    public static Proto.SubjectInput Subject(string label, string kind, params (Proto.IdentifierType Type, string Value)[] identifiers)
    {
        var subject = new Proto.SubjectInput { Label = label, Kind = kind };
        subject.Identifiers.AddRange(identifiers.Select(identifier => new Proto.IdentifierInput { Type = identifier.Type, Value = identifier.Value }));
        return subject;
    }

    /// <summary>Prepares a privacy check 1 decision, has it signed by the privacy officer and the chair, and submits it.</summary>
    public async Task<Proto.DecisionView> RecordPrivacyCheck1Async(string signalId, params Proto.DepartmentScope[] scopes)
    {
        var prepared = await PreparePrivacyCheck1Async(signalId, scopes);
        var signed = TestKerngroep.Sign(prepared.Payload, Kerngroep.PrivacyOfficer, Kerngroep.Chair);
        return await Client.SubmitSignedDecisionAsync(new Proto.SubmitSignedDecisionRequest { Decision = signed }, deadline: Deadline(), cancellationToken: Token);
    }

    public async Task<Proto.PreparedDecision> PreparePrivacyCheck1Async(string signalId, params Proto.DepartmentScope[] scopes)
    {
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = signalId,
            Purpose = "Onderzoek naar ondermijning: hennepteelt",
            LegalBasis = "Gemeentewet art. 174a",
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        };
        request.Scopes.AddRange(scopes.Length > 0 ? scopes : AllDepartments());
        return await Client.PreparePrivacyCheck1Async(request, deadline: Deadline(), cancellationToken: Token);
    }

    public static Proto.DepartmentScope[] AllDepartments() =>
        [Scope(Brp), Scope(Permits), Scope(Taxes), Scope(Social)];

    public static Proto.DepartmentScope Scope(string department, params string[] subjectIds)
    {
        var scope = new Proto.DepartmentScope { Department = department };
        scope.SubjectIds.AddRange(subjectIds);
        return scope;
    }

    public async Task<Proto.HitQueryResult> RunQueryAsync(string signalId, string decisionId, string repeatOf = "", params string[] departments)
    {
        var request = new Proto.RunHitQueryRequest { SignalId = signalId, DecisionId = decisionId, RepeatOfQueryId = repeatOf };
        request.Departments.AddRange(departments);
        return await Client.RunHitQueryAsync(request, deadline: Deadline(), cancellationToken: Token);
    }

    public static MemberSigningKey[] PrivacyCheck1Signers(TestKerngroep kerngroep) => [kerngroep.PrivacyOfficer, kerngroep.Chair];

    public static DateTime Deadline(int seconds = 60) => DateTime.UtcNow.AddSeconds(seconds);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await Coordinator.DisposeAsync();
        foreach (var agent in _agents.Values)
        {
            await agent.DisposeAsync();
        }

        Kerngroep.Dispose();
        Key.Dispose();
    }

    /// <summary>
    /// The departments' exports. Expected answers of the standard signal:
    /// brp: A bsn hit, A adres hit, B bsn no hit, C adres no hit, C kvk not held;
    /// vergunningen: C kvk hit, C adres hit, A adres no hit, A and B bsn not held;
    /// belastingen: every bsn no hit, addresses and kvk not held;
    /// sociaal-domein: B bsn hit, A bsn no hit, addresses and kvk not held.
    /// </summary>
    private static IEnumerable<(string Department, IdentifierType[] Types, AgentRecord[] Records)> Exports() =>
    [
        (Brp, [IdentifierType.Bsn, IdentifierType.Address], [new(Bsn: BsnA, Postcode: "1234AB", HouseNumber: "12"), new(Bsn: "012345672", Postcode: "9999ZZ", HouseNumber: "1")]),
        (Permits, [IdentifierType.KvkNumber, IdentifierType.Address], [new(KvkNumber: KvkC, Postcode: "5678CD", HouseNumber: "1")]),
        (Taxes, [IdentifierType.Bsn], [new(Bsn: "012345672")]),
        (Social, [IdentifierType.Bsn], [new(Bsn: BsnB)]),
    ];
}

/// <summary>Reads answers and trailers out of results and refusals, for short assertions.</summary>
internal static class ResultReading
{
    public static Proto.HitAnswer AnswerOf(this Proto.HitQueryResult result, string label, string department, Proto.IdentifierType type)
    {
        var subject = result.Subjects.Single(candidate => candidate.Label == label);
        var cell = subject.Departments.Single(candidate => candidate.Department == department);
        return cell.Answers.Single(answer => answer.IdentifierType == type).Answer;
    }

    public static Proto.DepartmentQueryOutcome OutcomeOf(this Proto.HitQueryResult result, string department) =>
        result.Departments.Single(candidate => candidate.Department == department);

    public static string? Trailer(this RpcException exception, string name) =>
        exception.Trailers.FirstOrDefault(entry => entry.Key == name)?.Value;
}
