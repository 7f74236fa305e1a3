using Google.Protobuf;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Services;
using GsoHitService.Matching;
using GsoHitService.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>
/// A <see cref="HitQueryProcessor"/> with substitutes around it: an index status that the test
/// sets, an authorizer that allows by default, an in-memory audit trail and a fake clock.
/// </summary>
internal sealed class QueryHarness : IDisposable
{
    public static readonly AgentMatchContext AgentContext = new(1, "nl-1", "2026-01");

    public static readonly CallerIdentity Caller = new("A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90", "CN=coordinator");

    private readonly TestMeterFactory _meterFactory = new();
    private HitQueryProcessor? _processor;

    public QueryHarness()
    {
        Authorizer
            .AuthorizeAsync(Arg.Any<AuthorizationRequest>(), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromResult(AuthorizationResult.Allow("decision-1")));
        IndexStatusSource.Current.Returns(_ => Status);
        Progress = new LookupProgress(_meterFactory);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public AgentOptions Options { get; } = new()
    {
        Department = "brp",
        DisplayName = "Basisregistratie Personen",
        MatchingKeyFile = "matching.gsokey",
        Limits = { MaxProbesPerRequest = 1_000, MaxProbesPerCaller = 5_000, QuotaWindow = TimeSpan.FromHours(1) },
    };

    /// <summary>Identifier types the department holds.</summary>
    public IdentifierType[] HeldTypes { get; set; } = [IdentifierType.Bsn, IdentifierType.Address];

    public IndexStatus Status { get; set; } = IndexStatus.FirstLoadRunning;

    public IIndexStatusSource IndexStatusSource { get; } = Substitute.For<IIndexStatusSource>();

    public IRequestAuthorizer Authorizer { get; } = Substitute.For<IRequestAuthorizer>();

    public RecordingAuditTrail Audit { get; } = new();

    public ListLogger<HitQueryProcessor> Logger { get; } = new();

    public LookupProgress Progress { get; set; }

    /// <summary>Sets a ready index that holds <paramref name="tokens"/>.</summary>
    public void LoadIndex(IEnumerable<MatchToken> tokens) =>
        Status = IndexStatus.Loaded(TestTokens.BuilderWith(tokens).Build(), Time.GetUtcNow());

    public HitQueryProcessor CreateProcessor()
    {
        var source = Substitute.For<IDepartmentSource>();
        source.Name.Returns("test-source");
        source.IdentifierTypes.Returns(HeldTypes);
        source.WatchedFiles.Returns([]);

        source.ReleasableFields.Returns([]);

        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var sources = new AgentSources([source]);
        using var key = MatchingKey.Generate(AgentContext.KeyEpoch);
        return new HitQueryProcessor(
            new AgentDescriptor("brp", "Basisregistratie Personen", AgentContext),
            sources,
            IndexStatusSource,
            options,
            new CallerQuota(options, Time),
            Authorizer,
            Audit,
            new ContentReader(sources, new MatchTokenizer(key), NullLogger<ContentReader>.Instance),
            Progress,
            Logger);
    }

    /// <summary>
    /// Sends a request through the wire path: serialised to bytes and parsed back, so that no
    /// token array of the test reaches the index, then fed to a session as the service does.
    /// The first call creates the processor, so settings must be in place before it; later calls
    /// share its quota.
    /// </summary>
    public async Task<QueryAnswers> QueryAsync(Proto.HitQueryRequest request, CancellationToken cancellationToken = default)
    {
        var parsed = Proto.HitQueryRequest.Parser.ParseFrom(request.ToByteArray());
        _processor ??= CreateProcessor();
        var session = _processor.Begin(RequestKind.HitQuery, Caller);
        try
        {
            session.Start(parsed.QueryId, ProtocolMapping.ToDomain(parsed.Context), ProtocolMapping.ToDomain(parsed.Decision));
            foreach (var group in parsed.Probes)
            {
                session.AddGroup((int)group.IdentifierType, group.Tokens.Memory);
            }

            return await session.AnswerAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            await session.RecordFailureAsync(exception, cancellationToken.IsCancellationRequested);
            throw;
        }
    }

    public static Proto.HitQueryRequest Request(params (IdentifierType Type, byte[] Tokens)[] groups) =>
        RequestWithContext(AgentContext, groups);

    public static Proto.HitQueryRequest RequestWithContext(AgentMatchContext context, params (IdentifierType Type, byte[] Tokens)[] groups)
    {
        var request = new Proto.HitQueryRequest
        {
            QueryId = "query-1",
            Context = ProtocolMapping.ToProto(context),
            Decision = new Proto.SignedDecision { Payload = ByteString.CopyFromUtf8("decision payload") },
        };
        foreach (var (type, tokens) in groups)
        {
            request.Probes.Add(new Proto.ProbeGroup { IdentifierType = (Proto.IdentifierType)(int)type, Tokens = ByteString.CopyFrom(tokens) });
        }

        return request;
    }

    public void Dispose() => _meterFactory.Dispose();
}
