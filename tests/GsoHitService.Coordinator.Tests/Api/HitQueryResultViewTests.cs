using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Tests.Api;

public sealed class HitQueryResultViewTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly MatchingKey _key = MatchingKey.Generate("2026-01");
    private readonly MatchTokenizer _tokenizer;

    public HitQueryResultViewTests() => _tokenizer = new MatchTokenizer(_key);

    public void Dispose()
    {
        _tokenizer.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Build_InProgress_HasNoCompletionAndOnlyUnavailableAnswers()
    {
        var (signal, decision) = SignalWithDecision(3, "brp", "belastingen");
        var query = Query(signal, decision, HitQueryState.InProgress);

        var result = await BuildAsync(query, signal, decision, 0, 100);

        Assert.Null(result.CompletedAt);
        Assert.All(result.Departments, outcome => Assert.Equal(Proto.DepartmentOutcome.Unspecified, outcome.Outcome));
        Assert.All(result.Departments, outcome => Assert.Equal(DepartmentOutcomeReasons.QueryInProgress, DepartmentOutcomeReasons.GetCode(outcome.Reason)));
        Assert.Equal(6, AllAnswers(result).Count());
        Assert.All(AllAnswers(result), answer => Assert.Equal(Proto.HitAnswer.Unavailable, answer.Answer));
    }

    [Fact]
    public async Task Build_Interrupted_IsCancelledWithRestartReason()
    {
        var (signal, decision) = SignalWithDecision(2, "brp");
        var query = Query(signal, decision, HitQueryState.Interrupted) with { EndedAt = Started.AddMinutes(1) };

        var result = await BuildAsync(query, signal, decision, 0, 100);

        Assert.Null(result.CompletedAt);
        var outcome = Assert.Single(result.Departments);
        Assert.Equal(Proto.DepartmentOutcome.Cancelled, outcome.Outcome);
        Assert.StartsWith("coordinator-restarted: ", outcome.Reason, StringComparison.Ordinal);
        Assert.All(AllAnswers(result), answer => Assert.Equal(Proto.HitAnswer.Unavailable, answer.Answer));
    }

    [Fact]
    public async Task Build_CompletedWithoutAnswerForACell_ShowsUnavailable()
    {
        var (signal, decision) = SignalWithDecision(2, "brp");
        var query = Query(signal, decision, HitQueryState.Completed) with
        {
            EndedAt = Started.AddSeconds(1),
            Departments = [new DepartmentQueryOutcome("brp", DepartmentOutcome.Answered, null, Started.AddHours(-1))],
            Answers = [new HitQueryAnswer(signal.Subjects[0].Id, "brp", IdentifierType.Bsn, HitAnswer.NoHit)],
        };

        var result = await BuildAsync(query, signal, decision, 0, 100);

        Assert.NotNull(result.CompletedAt);
        Assert.Equal([Proto.HitAnswer.NoHit, Proto.HitAnswer.Unavailable], AllAnswers(result).Select(answer => answer.Answer));
        Assert.Equal(Started.AddHours(-1), result.Departments.Single().IndexLoadedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Build_PageSize_ReturnsPageAndToken()
    {
        var (signal, decision) = SignalWithDecision(5, "brp");
        var query = Query(signal, decision, HitQueryState.InProgress);

        var first = await BuildAsync(query, signal, decision, 0, 2);
        Assert.True(HitQueryResultView.TryParsePageToken(first.NextPageToken, out var next));
        var second = await BuildAsync(query, signal, decision, next, 2);
        Assert.True(HitQueryResultView.TryParsePageToken(second.NextPageToken, out var last));
        var third = await BuildAsync(query, signal, decision, last, 2);

        Assert.Equal(5, first.TotalSubjectCount);
        Assert.Equal(
            signal.Subjects.Select(subject => subject.Id.Value),
            first.Subjects.Concat(second.Subjects).Concat(third.Subjects).Select(subject => subject.SubjectId));
        Assert.Empty(third.NextPageToken);
    }

    [Fact]
    public async Task Build_ManySubjects_StaysBelowTheMessageLimit()
    {
        var (signal, decision) = SignalWithDecision(40_000, "brp", "vergunningen", "belastingen", "sociaal-domein");
        var query = Query(signal, decision, HitQueryState.InProgress);

        var result = await BuildAsync(query, signal, decision, 0, 10_000 * 4);

        Assert.True(result.CalculateSize() < Hosting.GrpcLimits.MaxMessageBytes, $"The reply is {result.CalculateSize()} bytes.");
        Assert.NotEmpty(result.NextPageToken);
        Assert.Equal(40_000, result.TotalSubjectCount);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData(" 1")]
    public void TryParsePageToken_Invalid_ReturnsFalse(string token)
    {
        Assert.False(HitQueryResultView.TryParsePageToken(token, out _));
    }

    private static IEnumerable<Proto.TypeAnswer> AllAnswers(Proto.HitQueryResult result) =>
        result.Subjects.SelectMany(subject => subject.Departments).SelectMany(department => department.Answers);

    private Task<Proto.HitQueryResult> BuildAsync(HitQuery query, Signal signal, Decision decision, int first, int pageSize)
    {
        var subjects = signal.Subjects.Select(subject => subject.Id).ToArray();
        var plan = PreparedQueryPlan.Create(SubjectTokens.Compute(signal, decision.IdentifierTypes, _tokenizer), decision.Scopes);
        return HitQueryResultView.BuildAsync(
            query,
            plan,
            subjects,
            (from, to, _) => Task.FromResult<IReadOnlyList<SubjectLabel>>([.. Enumerable.Range(from, to - from + 1).Select(position => new SubjectLabel(position, subjects[position], signal.Subjects[position].Label))]),
            first,
            pageSize,
            TestContext.Current.CancellationToken);
    }

    private static (Signal Signal, Decision Decision) SignalWithDecision(int subjects, params string[] departments)
    {
        var signal = TestSignals.WithBsns(subjects);
        var decision = new Decision(
            DecisionId.New(),
            DecisionKind.PrivacyCheck1,
            signal.Id,
            null,
            departments.Select(department => new DecisionScope(department, signal.Subjects.Select(subject => subject.Id).ToArray())).ToArray(),
            [IdentifierType.Bsn],
            [],
            [],
            "Onderzoek",
            "Gemeentewet",
            Started,
            Started.AddDays(7),
            [1],
            [],
            Started);
        return (signal, decision);
    }

    private static HitQuery Query(Signal signal, Decision decision, HitQueryState state) =>
        new(HitQueryId.New(), signal.Id, decision.Id, null, decision.Departments.ToArray(), state, Started, null, [], [], null);
}
