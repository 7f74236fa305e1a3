using System.Collections.Frozen;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Decision = GsoHitService.Coordinator.Domain.Decision;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Support;

/// <summary>
/// The coordinator's components wired by hand around a real SQLite store, a real audit log and
/// matching key, a fake clock, a generated kerngroep, and fake agent clients per department.
/// </summary>
internal sealed class CoordinatorHarness : IAsyncDisposable
{
    public static readonly CallerIdentity Caller = new("CN=informatiecoordinator; sha256=00", "informatiecoordinator");

    private readonly TempDirectory _folder;
    private readonly MatchingKey _key;
    private readonly AuditLog _auditLog;

    private CoordinatorHarness(TempDirectory folder, MatchingKey key, ICoordinatorStore store, AuditLog auditLog, FakeTimeProvider time, IReadOnlyList<string> departments)
    {
        _folder = folder;
        _key = key;
        _auditLog = auditLog;
        Store = store;
        Time = time;
        Tokenizer = new MatchTokenizer(key);
        Audit = new CoordinatorAudit(auditLog, NullLogger<CoordinatorAudit>.Instance);
        Clients = departments.ToDictionary(department => department, _ => new FakeAgentClient(), StringComparer.Ordinal);
        Agents = new FakeAgentDirectory(Clients);

        PrivacyOfficer = MemberSigningKey.Generate("po-1", "Petra Privacy", CoreTeamRole.PrivacyOfficer);
        Chair = MemberSigningKey.Generate("vz-1", "Vera Voorzitter", CoreTeamRole.Chair);
        Jurist = MemberSigningKey.Generate("jurist-1", "Jan Jurist", CoreTeamRole.LegalAdviser);
        Roster = CoreTeamRoster.Create(new CoreTeamOptions
        {
            Members = [.. new[] { PrivacyOfficer, Chair, Jurist }.Select(member => new CoreTeamMemberOptions
            {
                Id = member.MemberId,
                Name = member.Name,
                Role = member.Role,
                PublicKey = Convert.ToBase64String(member.PublicKey),
            })],
        });
    }

    public FakeTimeProvider Time { get; }

    public ICoordinatorStore Store { get; }

    public MatchTokenizer Tokenizer { get; }

    public CoordinatorAudit Audit { get; }

    public string AuditLogPath => _auditLog.Path;

    public Dictionary<string, FakeAgentClient> Clients { get; }

    public IAgentDirectory Agents { get; }

    public CoreTeamRoster Roster { get; }

    public MemberSigningKey PrivacyOfficer { get; }

    public MemberSigningKey Chair { get; }

    public MemberSigningKey Jurist { get; }

    public CoordinatorOptions Options { get; } = new() { MatchingKeyFile = "keys/matching.gsokey" };

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<CoordinatorHarness> CreateAsync(params string[] departments)
    {
        var folder = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var storeOptions = new CoordinatorStoreOptions { DataFolder = "data", DataKeyFile = "keys/data.key", CreateDataKeyIfMissing = true };
        var store = await CoordinatorStoreFactory.OpenAsync(storeOptions, folder.Path, NullLoggerFactory.Instance, time, Token);
        var auditLog = AuditLog.Open(folder.Combine("audit.log"), time);
        return new CoordinatorHarness(folder, MatchingKey.Generate("2026-01"), store, auditLog, time, departments);
    }

    public DecisionPreparer Preparer() =>
        new(Store, Agents, Tokenizer, Audit, Microsoft.Extensions.Options.Options.Create(Options), Time);

    public DecisionSubmitter Submitter() =>
        new(Store, Roster, Audit, Time, NullLogger<DecisionSubmitter>.Instance);

    public AgentHitCaller HitCaller() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AgentHitCaller>.Instance);

    public HitQueryRunner Runner(MatchTokenizer? tokenizer = null, IAgentDirectory? agents = null, ICoordinatorStore? store = null) =>
        new(store ?? Store, agents ?? Agents, HitCaller(), tokenizer ?? Tokenizer, Audit, Time, NullLogger<HitQueryRunner>.Instance);

    /// <summary>Registers a signal with a person (BSN and address) and a company (KvK-nummer).</summary>
    public Task<Signal> RegisterSignalAsync() =>
        Store.RegisterSignalAsync(
            new NewSignal(
                "Signaal",
                "melding",
                "",
                [
                    new NewSubject("Betrokkene A", SubjectKind.Person, [Normalize(IdentifierType.Bsn, "111222333"), Normalize(IdentifierType.Address, "1234AB;12")]),
                    new NewSubject("Bedrijf B", SubjectKind.Organisation, [Normalize(IdentifierType.KvkNumber, "12345678")]),
                ]),
            Token);

    public static CanonicalIdentifier Normalize(IdentifierType type, string value) => IdentifierNormalizer.Normalize(type, value);

    public MatchToken TokenOf(IdentifierType type, string value) => Tokenizer.ComputeToken(Normalize(type, value));

    /// <summary>Prepares, signs (privacy officer and chair) and records a privacy check 1 decision.</summary>
    public async Task<Decision> RecordPrivacyCheck1Async(Signal signal, TimeSpan? validity = null, DateTimeOffset? validFrom = null, params Proto.DepartmentScope[] scopes)
    {
        var from = validFrom ?? Time.GetUtcNow();
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = signal.Id.Value,
            Purpose = "Onderzoek",
            LegalBasis = "Gemeentewet art. 174a",
            ValidFrom = Timestamp.FromDateTimeOffset(from),
            ValidUntil = Timestamp.FromDateTimeOffset(from + (validity ?? TimeSpan.FromDays(7))),
        };
        request.Scopes.AddRange(scopes.Length > 0 ? scopes : Clients.Keys.Select(department => Scope(department)));

        var prepared = await Preparer().PreparePrivacyCheck1Async(request, Caller, Token);
        return await Submitter().SubmitAsync(Sign(prepared.Payload, PrivacyOfficer, Chair), Caller, Token);
    }

    public static Proto.SignedDecision Sign(byte[] payload, params MemberSigningKey[] signers)
    {
        var signed = new Proto.SignedDecision { Payload = ByteString.CopyFrom(payload) };
        foreach (var signer in signers)
        {
            var signature = signer.Sign(payload);
            signed.Signatures.Add(new Proto.DecisionSignature { MemberId = signature.MemberId, Signature = ByteString.CopyFrom(signature.Signature.Span) });
        }

        return signed;
    }

    public static Proto.DepartmentScope Scope(string department, params SubjectId[] subjects)
    {
        var scope = new Proto.DepartmentScope { Department = department };
        scope.SubjectIds.AddRange(subjects.Select(subject => subject.Value));
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        Audit.Dispose();
        await Store.DisposeAsync();
        Tokenizer.Dispose();
        _key.Dispose();
        PrivacyOfficer.Dispose();
        Chair.Dispose();
        Jurist.Dispose();
        _folder.Dispose();
    }

    private sealed class FakeAgentDirectory(Dictionary<string, FakeAgentClient> clients) : IAgentDirectory
    {
        private readonly FrozenDictionary<string, AgentConnection> _agents = clients.ToFrozenDictionary(
            entry => entry.Key,
            entry => new AgentConnection(entry.Key, new Uri($"https://{entry.Key}.test:7443"), entry.Value),
            StringComparer.Ordinal);

        public IReadOnlyList<AgentConnection> Agents => [.. _agents.Values];

        public AgentConnection? Find(string department) => _agents.GetValueOrDefault(department);
    }
}
