using Google.Protobuf;
using Grpc.Core;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Microsoft.Extensions.Time.Testing;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Queries;

public sealed class AgentHitCallerTests : IAsyncLifetime
{
    private CoordinatorHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await CoordinatorHarness.CreateAsync("brp");

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private FakeAgentClient Client => _harness.Clients["brp"];

    public static TheoryData<StatusCode> FailureStatuses => [.. Enum.GetValues<StatusCode>()];

    [Theory]
    [MemberData(nameof(FailureStatuses))]
    public async Task AskAsync_CallFails_EveryAnswerIsUnavailable(StatusCode status)
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.Failure = new RpcException(new Status(status, "failed"));

        var result = await AskAsync(probes);

        Assert.NotEqual(DepartmentOutcome.Answered, result.Outcome.Outcome);
        Assert.NotNull(result.Outcome.Reason);
        Assert.All(result.Answers, answer => Assert.Equal(HitAnswer.Unavailable, answer.Answer));
        Assert.Equal(probes.TokenCount, result.Counts.Unavailable);
    }

    [Fact]
    public async Task AskAsync_Answers_MapsEachTokenToItsCell()
    {
        var (probes, signal) = PersonWithBsnAndAddress();
        Client.Hold(IdentifierType.Bsn, _harness.TokenOf(IdentifierType.Bsn, "111222333"));

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcome.Answered, result.Outcome.Outcome);
        Assert.Equal(
            [
                new HitQueryAnswer(signal.Subjects[0].Id, "brp", IdentifierType.Bsn, HitAnswer.Hit),
                new HitQueryAnswer(signal.Subjects[0].Id, "brp", IdentifierType.Address, HitAnswer.NotHeld),
            ],
            result.Answers);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), result.Outcome.IndexLoadedAt);
    }

    [Fact]
    public async Task AskAsync_SmallSet_SendsOneQueryHitsWithHeader()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        var header = Header();

        await AskAsync(probes, header);

        var request = Assert.Single(Client.QueryRequests);
        Assert.Equal(header.QueryId, request.QueryId);
        Assert.Equal(header.Decision, request.Decision);
        Assert.Equal(header.Context, request.Context);
        Assert.Equal(2, request.Probes.Count);
        Assert.Empty(Client.ScreeningCalls);
    }

    [Fact]
    public async Task AskAsync_DeadlineOnLocalClockOffUtc_IsUtcInstantPlusAgentDeadline()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        _harness.Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+13", TimeSpan.FromHours(13), "UTC+13", "UTC+13"));

        await AskAsync(probes);

        var deadline = Assert.Single(Client.CallOptions).Deadline;
        Assert.NotNull(deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Value.Kind);
        Assert.Equal(_harness.Time.GetUtcNow().UtcDateTime + _harness.Options.Queries.AgentDeadline, deadline.Value);
    }

    [Fact]
    public async Task AskAsync_LargeSet_StreamsChunksBelowTheMessageLimit()
    {
        _harness.Options.Queries.ScreeningChunkTokens = 1_000;
        var signal = TestSignals.WithBsns(2_500);
        var probes = Plan(signal);
        var heldBsn = signal.Subjects[1_700].Identifiers[0];
        Client.Hold(IdentifierType.Bsn, _harness.Tokenizer.ComputeToken(heldBsn));

        var result = await AskAsync(probes);

        var chunks = Assert.Single(Client.ScreeningCalls);
        Assert.Equal([1_000, 1_000, 500], chunks.Select(chunk => chunk.Probes.Sum(group => group.Tokens.Length / MatchToken.Length)));
        Assert.NotNull(chunks[0].Header);
        Assert.All(chunks.Skip(1), chunk => Assert.Null(chunk.Header));
        Assert.All(chunks, chunk => Assert.True(chunk.CalculateSize() < GrpcLimits.MaxMessageBytes));
        Assert.Equal(DepartmentOutcome.Answered, result.Outcome.Outcome);
        Assert.Equal(HitAnswer.Hit, result.Answers.Single(answer => answer.SubjectId == signal.Subjects[1_700].Id).Answer);
        Assert.Equal(2_499, result.Answers.Count(answer => answer.Answer == HitAnswer.NoHit));
    }

    [Fact]
    public async Task AskAsync_DefaultChunkOfBulkSet_FitsTheMessageLimit()
    {
        var signal = TestSignals.WithBsns(_harness.Options.Queries.ScreeningChunkTokens + 1);

        await AskAsync(Plan(signal));

        var chunks = Assert.Single(Client.ScreeningCalls);
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, chunk => Assert.True(chunk.CalculateSize() < GrpcLimits.MaxMessageBytes, $"A chunk is {chunk.CalculateSize()} bytes."));
    }

    [Fact]
    public async Task AskAsync_ReplyMissesAGroup_IsAnswerMalformedNotNoHit()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.TamperWithAnswers = answers => answers.Take(1).ToList();

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcome.Unavailable, result.Outcome.Outcome);
        Assert.Equal(DepartmentOutcomeReasons.AnswerMalformed, result.ReasonCode);
        Assert.All(result.Answers, answer => Assert.Equal(HitAnswer.Unavailable, answer.Answer));
    }

    [Fact]
    public async Task AskAsync_ReplyWithFewerAnswersInAGroup_IsAnswerMalformed()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.TamperWithAnswers = answers =>
        {
            answers[0].Answers.Clear();
            return answers;
        };

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcomeReasons.AnswerMalformed, result.ReasonCode);
    }

    [Fact]
    public async Task AskAsync_ReplyGroupsOfOtherType_IsAnswerMalformed()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.TamperWithAnswers = answers =>
        {
            answers[0].IdentifierType = Proto.IdentifierType.Iban;
            return answers;
        };

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcomeReasons.AnswerMalformed, result.ReasonCode);
    }

    [Theory]
    [InlineData(Proto.HitAnswer.Unspecified)]
    [InlineData((Proto.HitAnswer)99)]
    public async Task AskAsync_UndefinedAnswerValue_IsUnavailable(Proto.HitAnswer value)
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.TamperWithAnswers = answers =>
        {
            answers[0].Answers[0] = value;
            return answers;
        };

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcome.Answered, result.Outcome.Outcome);
        Assert.Equal(HitAnswer.Unavailable, result.Answers.Single(answer => answer.IdentifierType == IdentifierType.Bsn).Answer);
        Assert.Equal(1, result.Counts.Unavailable);
    }

    [Fact]
    public async Task AskAsync_Cancelled_IsCancelledNotNoHit()
    {
        var (probes, _) = PersonWithBsnAndAddress();
        Client.Failure = new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));

        var result = await AskAsync(probes);

        Assert.Equal(DepartmentOutcome.Cancelled, result.Outcome.Outcome);
        Assert.DoesNotContain(result.Answers, answer => answer.Answer == HitAnswer.NoHit);
    }

    private (DepartmentProbeSet Probes, Signal Signal) PersonWithBsnAndAddress()
    {
        var signal = TestSignals.Create(("A", [CoordinatorHarness.Normalize(IdentifierType.Bsn, "111222333"), CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]));
        return (Plan(signal), signal);
    }

    private DepartmentProbeSet Plan(Signal signal)
    {
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _harness.Tokenizer);
        var subjects = signal.Subjects.Select(subject => subject.Id).ToArray();
        return PreparedQueryPlan.Create(tokens, [new DecisionScope("brp", subjects)]).CreateProbeSets(["brp"], subjects).Single();
    }

    private Task<DepartmentQueryResult> AskAsync(DepartmentProbeSet probes, Proto.HitQueryHeader? header = null) =>
        _harness.HitCaller().AskAsync(_harness.Agents.Find("brp")!, probes, header ?? Header(), TestContext.Current.CancellationToken);

    private static Proto.HitQueryHeader Header() =>
        new()
        {
            QueryId = HitQueryId.New().Value,
            Context = new Proto.MatchContext { TokenSchemeVersion = 1, NormaliserProfile = NormaliserProfile.Id, KeyEpoch = "2026-01" },
            Decision = new Proto.SignedDecision { Payload = ByteString.CopyFromUtf8("payload") },
        };
}
