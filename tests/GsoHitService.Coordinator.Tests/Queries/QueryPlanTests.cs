using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Tests.Support;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Tests.Queries;

/// <summary>Tokenisation of subjects and the probe sets that departments are asked.</summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly MatchingKey _key = MatchingKey.Generate("2026-01");
    private readonly MatchTokenizer _tokenizer;

    public QueryPlanTests() => _tokenizer = new MatchTokenizer(_key);

    [Fact]
    public void SubjectTokens_Identifiers_AreTheTokenizersTokens()
    {
        var bsn = CoordinatorHarness.Normalize(IdentifierType.Bsn, "111222333");
        var address = CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12");
        var signal = TestSignals.Create(("A", [bsn, address]));

        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);

        Assert.Equal(
            [new SubjectToken(IdentifierType.Bsn, _tokenizer.ComputeToken(bsn)), new SubjectToken(IdentifierType.Address, _tokenizer.ComputeToken(address))],
            tokens.For(0));
    }

    [Fact]
    public void SubjectTokens_TypeNotAllowed_IsLeftOut()
    {
        var signal = TestSignals.Create(("A", [CoordinatorHarness.Normalize(IdentifierType.Bsn, "111222333"), CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]));

        var tokens = SubjectTokens.Compute(signal, [IdentifierType.Address], _tokenizer);

        Assert.Equal([IdentifierType.Address], tokens.For(0).Select(token => token.Type));
    }

    [Fact]
    public void SubjectTokens_ManySubjects_MatchSingleTokenPath()
    {
        var signal = TestSignals.WithBsns(37);

        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);

        for (var i = 0; i < signal.Subjects.Count; i++)
        {
            Assert.Equal(_tokenizer.ComputeToken(signal.Subjects[i].Identifiers[0]), tokens.For(i).Single().Token);
        }
    }

    [Fact]
    public void Create_SharedAddress_AsksOneTokenForTwoCells()
    {
        var address = CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12");
        var signal = TestSignals.Create(("A", [address]), ("B", [address]));

        var probes = Plan(signal, "brp");

        var group = Assert.Single(probes.Groups);
        Assert.Equal(1, group.Count);
        Assert.Equal([0, 1], group.CellsOf(0).ToArray());
        Assert.Equal([new AnswerCell(0, IdentifierType.Address), new AnswerCell(1, IdentifierType.Address)], probes.Cells);
    }

    [Fact]
    public void Create_ScopeWithSomeSubjects_AsksOnlyTheirTokens()
    {
        var signal = TestSignals.WithBsns(3);
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);

        var probes = Probes(tokens, signal, new DecisionScope("brp", [signal.Subjects[2].Id])).Single();

        Assert.Equal([_tokenizer.ComputeToken(signal.Subjects[2].Identifiers[0])], probes.Groups.Single().Tokens);
        Assert.Equal([new AnswerCell(2, IdentifierType.Bsn)], probes.Cells);
    }

    [Fact]
    public void Create_SubjectOfOtherSignal_Throws()
    {
        var signal = TestSignals.WithBsns(1);
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);

        Assert.Throws<ArgumentException>(() => PreparedQueryPlan.Create(tokens, [new DecisionScope("brp", [SubjectId.New()])]));
    }

    [Fact]
    public void Serialize_Deserialized_GivesTheSameProbeSets()
    {
        var signal = TestSignals.Create(
            ("A", [CoordinatorHarness.Normalize(IdentifierType.Bsn, "111222333"), CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]),
            ("B", [CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]),
            ("C", [CoordinatorHarness.Normalize(IdentifierType.KvkNumber, "12345678")]));
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);
        var subjects = signal.Subjects.Select(subject => subject.Id).ToArray();
        var scopes = new[] { new DecisionScope("brp", subjects), new DecisionScope("belastingen", [subjects[2], subjects[0]]), new DecisionScope("vergunningen", subjects) };
        var plan = PreparedQueryPlan.Create(tokens, scopes);

        var read = PreparedQueryPlan.Deserialize(plan.Serialize());

        Assert.Equal(2, read.Scopes.Count);
        Assert.Equal([0, 2], read.ScopeOf("belastingen")!);
        foreach (var (expected, actual) in plan.CreateProbeSets(["brp", "belastingen", "vergunningen"], subjects).Zip(read.CreateProbeSets(["brp", "belastingen", "vergunningen"], subjects)))
        {
            Assert.Equal(expected.Department, actual.Department);
            Assert.Equal(expected.Cells, actual.Cells);
            Assert.Equal(expected.ComputeDigest(), actual.ComputeDigest());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(15)]
    public void Deserialize_Truncated_IsFormatException(int length)
    {
        var signal = TestSignals.WithBsns(2);
        var bytes = PreparedQueryPlan.Create(SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer), [new DecisionScope("brp", [signal.Subjects[0].Id])]).Serialize();

        Assert.Throws<FormatException>(() => PreparedQueryPlan.Deserialize(bytes.AsSpan(0, length)));
    }

    [Fact]
    public void CreateProbeSets_SameSubjects_ShareTheDigest()
    {
        var signal = TestSignals.WithBsns(5);
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);
        var all = signal.Subjects.Select(subject => subject.Id).ToArray();

        var probes = Probes(tokens, signal, new DecisionScope("brp", all), new DecisionScope("belastingen", all));

        Assert.Same(probes[0].Groups, probes[1].Groups);
        Assert.Equal("belastingen", probes[1].Department);
        Assert.Equal(probes[0].ComputeDigest(), probes[1].ComputeDigest());
    }

    [Fact]
    public void ComputeDigest_EqualsDigestInPreparedDecision()
    {
        var signal = TestSignals.Create(
            ("A", [CoordinatorHarness.Normalize(IdentifierType.Bsn, "111222333"), CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]),
            ("B", [CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12")]));
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);
        var all = signal.Subjects.Select(subject => subject.Id).ToArray();

        var probes = Probes(tokens, signal, new DecisionScope("brp", all)).Single();
        var expected = SubjectSetDigest.Compute(tokens.ForSubjects(all));

        Assert.Equal(expected, probes.ComputeDigest());
        Assert.Equal(2, expected.TokenCount);
    }

    [Fact]
    public void CombineAnswers_TwoAddressesOneUnavailable_IsUnavailableNotNoHit()
    {
        var signal = TestSignals.Create(("A", [CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;12"), CoordinatorHarness.Normalize(IdentifierType.Address, "1234AB;14")]));
        var probes = Plan(signal, "brp");

        var answers = probes.CombineAnswers([HitAnswer.NoHit, HitAnswer.Unavailable]).ToArray();

        Assert.Equal(HitAnswer.Unavailable, Assert.Single(answers).Answer);
    }

    public static TheoryData<HitAnswer, HitAnswer, HitAnswer> CombineTable => new()
    {
        { HitAnswer.Hit, HitAnswer.NoHit, HitAnswer.Hit },
        { HitAnswer.NoHit, HitAnswer.Hit, HitAnswer.Hit },
        { HitAnswer.Unavailable, HitAnswer.Hit, HitAnswer.Hit },
        { HitAnswer.NoHit, HitAnswer.Unavailable, HitAnswer.Unavailable },
        { HitAnswer.Unavailable, HitAnswer.NoHit, HitAnswer.Unavailable },
        { HitAnswer.NotHeld, HitAnswer.NoHit, HitAnswer.NoHit },
        { HitAnswer.NotHeld, HitAnswer.NotHeld, HitAnswer.NotHeld },
        { HitAnswer.NoHit, (HitAnswer)0, HitAnswer.Unavailable },
        { HitAnswer.NotHeld, (HitAnswer)42, HitAnswer.Unavailable },
    };

    [Theory]
    [MemberData(nameof(CombineTable))]
    public void Combine_TwoAnswers_TakesTheStrongest(HitAnswer first, HitAnswer second, HitAnswer expected)
    {
        Assert.Equal(expected, DepartmentProbeSet.Combine(DepartmentProbeSet.Combine(null, first), second));
    }

    [Fact]
    public void UnavailableAnswers_EveryCell_IsUnavailable()
    {
        var probes = Plan(TestSignals.WithBsns(4), "belastingen");

        var answers = probes.UnavailableAnswers().ToArray();

        Assert.Equal(4, answers.Length);
        Assert.All(answers, answer => Assert.Equal(HitAnswer.Unavailable, answer.Answer));
        Assert.All(answers, answer => Assert.Equal("belastingen", answer.Department));
    }

    public void Dispose()
    {
        _tokenizer.Dispose();
        _key.Dispose();
    }

    private DepartmentProbeSet Plan(Signal signal, string department)
    {
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, _tokenizer);
        return Probes(tokens, signal, new DecisionScope(department, signal.Subjects.Select(subject => subject.Id).ToArray())).Single();
    }

    private static IReadOnlyList<DepartmentProbeSet> Probes(SubjectTokens tokens, Signal signal, params DecisionScope[] scopes) =>
        PreparedQueryPlan.Create(tokens, scopes).CreateProbeSets(scopes.Select(scope => scope.Department), signal.Subjects.Select(subject => subject.Id).ToArray());
}
