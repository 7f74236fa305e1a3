using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Matching;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace GsoHitService.Agent.Tests.Queries;

public sealed class HitQuerySessionTests : IDisposable
{
    private readonly QueryHarness _harness = new();
    private readonly MatchToken[] _held = TestTokens.Random(3, seed: 11);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AnswerAsync_TokenParsedFromWire_IsHit()
    {
        _harness.LoadIndex(_held);

        var answers = await _harness.QueryAsync(QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate([_held[1]]))), TestContext.Current.CancellationToken);

        Assert.Equal([ProbeAnswer.Hit], answers.Answers);
    }

    [Fact]
    public async Task AnswerAsync_MixedTokens_AnswersEachInOrder()
    {
        _harness.LoadIndex(_held);
        var absent = TestTokens.Random(2, seed: 12);
        var request = QueryHarness.Request(
            (IdentifierType.Bsn, TestTokens.Concatenate([absent[0], _held[0], _held[2]])),
            (IdentifierType.LicencePlate, TestTokens.Concatenate([_held[1]])),
            (IdentifierType.Address, TestTokens.Concatenate([absent[1]])));

        var answers = await _harness.QueryAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(
            [ProbeAnswer.NoHit, ProbeAnswer.Hit, ProbeAnswer.Hit, ProbeAnswer.NotHeld, ProbeAnswer.NoHit],
            answers.Answers);
    }

    [Fact]
    public async Task AnswerAsync_Answered_AuditsCountsAndDecision()
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request(
            (IdentifierType.Bsn, TestTokens.Concatenate([_held[0], TestTokens.Random(1, seed: 13)[0]])),
            (IdentifierType.Iban, TestTokens.Concatenate([_held[1]])));

        await _harness.QueryAsync(request, TestContext.Current.CancellationToken);

        var record = _harness.Audit.Single;
        Assert.Equal(AuditOutcome.Answered, record.Outcome);
        Assert.Equal("query-1", record.RequestId);
        Assert.Equal("decision-1", record.DecisionId);
        Assert.Equal(QueryHarness.Caller, record.Caller);
        Assert.Equal(2, record.ProbeGroupCount);
        Assert.Equal(3, record.ProbeCount);
        Assert.Equal(new ProbeAnswerCounts(Hits: 1, NoHits: 1, NotHeld: 1, Unavailable: 0), record.Answers);
    }

    public static TheoryData<string> UnusableStates => ["loading", "failed", "stale"];

    [Theory]
    [MemberData(nameof(UnusableStates))]
    public async Task AnswerAsync_NoUsableIndex_IsUnavailableNeverNoHit(string state)
    {
        _harness.Status = state switch
        {
            "loading" => IndexStatus.FirstLoadRunning,
            "failed" => IndexStatus.LoadFailed("Source 'bsn-export' has no column 'bsn'.", _harness.Time.GetUtcNow()),
            _ => IndexStatus.Loaded(TestTokens.BuilderWith(_held).Build(), _harness.Time.GetUtcNow().AddDays(-2))
                .AsOf(_harness.Time.GetUtcNow(), TimeSpan.FromDays(1)),
        };
        var request = QueryHarness.Request(
            (IdentifierType.Bsn, TestTokens.Concatenate(_held)),
            (IdentifierType.KvkNumber, TestTokens.Concatenate([_held[0]])));

        var answers = await _harness.QueryAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal([ProbeAnswer.Unavailable, ProbeAnswer.Unavailable, ProbeAnswer.Unavailable, ProbeAnswer.NotHeld], answers.Answers);
        Assert.Null(answers.IndexLoadedAt);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(65)]
    public async Task AddGroup_TokenBytesNotMultipleOf32_IsInvalidRequest(int length)
    {
        _harness.LoadIndex(_held);
        var tokens = new byte[length];
        Array.Fill(tokens, (byte)0x5A);

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(
            () => _harness.QueryAsync(QueryHarness.Request((IdentifierType.Bsn, tokens)), TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
        Assert.Contains("multiple of 32", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Refused, _harness.Audit.Single.Outcome);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(256)]
    public async Task AddGroup_UndefinedIdentifierType_IsInvalidRequest(int wireType)
    {
        _harness.LoadIndex(_held);

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(
            () => _harness.QueryAsync(QueryHarness.Request(((IdentifierType)(byte)wireType, TestTokens.Concatenate([_held[0]]))), TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
    }

    public static TheoryData<uint, string, string> MismatchedContexts => new()
    {
        { 2, "nl-1", "2026-01" },
        { 1, "nl-2", "2026-01" },
        { 1, "nl-1", "2025-12" },
        { 0, "", "" },
    };

    [Theory]
    [MemberData(nameof(MismatchedContexts))]
    public async Task Start_OtherMatchContext_IsRefusedNotAnswered(uint scheme, string profile, string epoch)
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.RequestWithContext(new AgentMatchContext(scheme, profile, epoch), (IdentifierType.Bsn, TestTokens.Concatenate(_held)));

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.ContextMismatch, refused.Reason);
        Assert.Equal(0, _harness.Progress.Total);
    }

    [Fact]
    public async Task Start_NoMatchContext_IsInvalidRequest()
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)));
        request.Context = null;

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Start_NoQueryId_IsInvalidRequest(string queryId)
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)));
        request.QueryId = queryId;

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
    }

    [Theory]
    [InlineData("query 1")]
    [InlineData("query-1\nforged log line")]
    [InlineData("123456782/naam")]
    public async Task Start_QueryIdWithOtherCharacters_IsInvalidRequest(string queryId)
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)));
        request.QueryId = queryId;

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
        Assert.Equal("(invalid)", _harness.Audit.Single.RequestId);
    }

    [Fact]
    public async Task Start_QueryIdOf129Characters_IsInvalidRequest()
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)));
        request.QueryId = new string('q', 129);

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
    }

    [Fact]
    public async Task Start_QueryIdOf128Characters_IsAnswered()
    {
        _harness.LoadIndex(_held);
        var request = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)));
        request.QueryId = "Q-2026:0042_" + new string('a', 116);

        var answers = await _harness.QueryAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(3, answers.Answers.Length);
    }

    [Fact]
    public async Task AnswerAsync_NoProbeGroups_IsInvalidRequest()
    {
        _harness.LoadIndex(_held);

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(QueryHarness.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.InvalidRequest, refused.Reason);
    }

    [Fact]
    public async Task AddGroup_AtRequestCap_IsAnswered()
    {
        _harness.LoadIndex(_held);
        var tokens = TestTokens.Random(_harness.Options.Limits.MaxProbesPerRequest, seed: 14);

        var answers = await _harness.QueryAsync(QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(tokens))), TestContext.Current.CancellationToken);

        Assert.Equal(_harness.Options.Limits.MaxProbesPerRequest, answers.Answers.Length);
    }

    [Fact]
    public async Task AddGroup_OverRequestCap_IsRefusedAndLoggedAsWarning()
    {
        _harness.LoadIndex(_held);
        var tokens = TestTokens.Random(_harness.Options.Limits.MaxProbesPerRequest + 1, seed: 15);
        var request = QueryHarness.Request(
            (IdentifierType.Bsn, TestTokens.Concatenate(tokens.Take(500))),
            (IdentifierType.Address, TestTokens.Concatenate(tokens.Skip(500))));

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.RequestCapExceeded, refused.Reason);
        Assert.Equal(0, _harness.Progress.Total);
        var warning = Assert.Single(_harness.Logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("1001", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens[0].ToShortString(), warning.Message, StringComparison.Ordinal);
        await _harness.Authorizer.DidNotReceive().AuthorizeAsync(Arg.Any<AuthorizationRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AnswerAsync_OverCallerQuota_IsRefusedAndNotCharged()
    {
        _harness.LoadIndex(_held);
        var batch = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(TestTokens.Random(1_000, seed: 16))));
        for (var i = 0; i < 5; i++)
        {
            await _harness.QueryAsync(batch, TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(batch, TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.QuotaExceeded, refused.Reason);
        Assert.Equal(5_000, _harness.Progress.Total);
        Assert.Contains(_harness.Logger.Entries, entry => entry.Level == LogLevel.Warning && entry.EventId.Name == "QuotaExceeded");
        var small = QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate([_held[0]])));
        await Assert.ThrowsAsync<QueryRefusedException>(() => _harness.QueryAsync(small, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnswerAsync_NotAuthorized_IsRefusedBeforeLookup()
    {
        _harness.LoadIndex(_held);
        _harness.Authorizer
            .AuthorizeAsync(Arg.Any<AuthorizationRequest>(), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromResult(AuthorizationResult.Refuse("decision-9", "decision-department-not-named", "The decision does not name this department.")));

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(
            () => _harness.QueryAsync(QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held))), TestContext.Current.CancellationToken));

        Assert.Equal(QueryRefusalReason.NotAuthorized, refused.Reason);
        Assert.Equal("The decision does not name this department.", refused.Message);
        Assert.Equal(0, _harness.Progress.Total);
        Assert.Equal("decision-department-not-named", refused.ReasonCode);
        Assert.Equal(QueryRefusalReason.NotAuthorized, _harness.Audit.Single.RefusalReason);
        Assert.Equal("decision-9", _harness.Audit.Single.DecisionId);
    }

    [Fact]
    public async Task AnswerAsync_Authorizer_ReceivesWholeProbeSetAndDecision()
    {
        _harness.LoadIndex(_held);
        AuthorizationRequest? seen = null;
        _harness.Authorizer
            .AuthorizeAsync(Arg.Do<AuthorizationRequest>(request => seen = request), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromResult(AuthorizationResult.Allow("decision-9")));

        await _harness.QueryAsync(
            QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(_held)), (IdentifierType.Address, TestTokens.Concatenate([_held[0]]))),
            TestContext.Current.CancellationToken);

        Assert.NotNull(seen);
        Assert.Equal(RequestKind.HitQuery, seen.Kind);
        Assert.Equal("query-1", seen.RequestId);
        Assert.Equal(2, seen.Probes.Count);
        Assert.Equal(4, seen.Probes.Sum(group => group.TokenCount));
        Assert.Equal("decision payload"u8.ToArray(), seen.Decision!.Payload.ToArray());
    }

    [Fact]
    public async Task AnswerAsync_CancelledDuringLookup_StopsAndAuditsCancellation()
    {
        _harness.LoadIndex(_held);
        using var cancellation = new CancellationTokenSource();
        _harness.Progress = new CancellingProgress(cancellation, new TestMeterFactory());
        _harness.Options.Limits.MaxProbesPerRequest = 100_000;
        _harness.Options.Limits.MaxProbesPerCaller = 100_000;
        var many = TestTokens.Random(100_000, seed: 18);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _harness.QueryAsync(QueryHarness.Request((IdentifierType.Bsn, TestTokens.Concatenate(many))), cancellation.Token));

        Assert.Equal(HitQueryProcessor.CancellationCheckInterval, _harness.Progress.Total);
        Assert.Equal(AuditOutcome.Cancelled, _harness.Audit.Single.Outcome);
    }

    /// <summary>Cancels the call after the first batch of lookups.</summary>
    private sealed class CancellingProgress(CancellationTokenSource cancellation, TestMeterFactory meterFactory) : LookupProgress(meterFactory)
    {
        public override void OnBatchChecked(int probeCount, CancellationToken cancellationToken)
        {
            base.OnBatchChecked(probeCount, cancellationToken);
            cancellation.Cancel();
        }
    }
}
