using System.Text;
using GsoHitService.Demo.Data;
using GsoHitService.Matching;

namespace GsoHitService.EndToEnd.Tests.DemoData;

/// <summary>
/// The scenario's expected hit matrix against the generated exports, read through the real source
/// connectors with <see cref="DemoSourceOptions"/>, as the demo agents read them.
/// </summary>
public sealed class DemoScenarioTests(DemoDataSetFixture demo) : IClassFixture<DemoDataSetFixture>
{
    public static TheoryData<string> Departments => [.. DemoDepartments.All];

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_ScenarioIdentifiers_GetExpectedAnswers(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        var answers = AnswersOf(sources, department);
        Assert.All(answers, answer => Assert.True(
            answer.Expected == answer.Actual,
            $"{answer.Subject} {IdentifierTypes.ToName(answer.Type)} in {department}: expected {answer.Expected}, found {answer.Actual}."));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_LaterYear_GivesSameAnswers(string department)
    {
        var later = new FixedTimeProvider(new DateTimeOffset(2041, 3, 1, 12, 0, 0, TimeSpan.Zero));

        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department), later);

        Assert.All(AnswersOf(sources, department), answer => Assert.Equal(answer.Expected, answer.Actual));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_NotHeld_MatchesUnindexedTypes(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));
        var indexed = sources.SelectMany(source => source.Source.IdentifierTypes).ToHashSet();

        foreach (var identifier in DemoDataSet.Scenario.Subjects.SelectMany(subject => subject.Identifiers))
        {
            Assert.Equal(!indexed.Contains(identifier.Type), identifier.ExpectedAnswerOf(department) == ExpectedAnswer.NotHeld);
        }
    }

    [Fact]
    public void Scenario_Subjects_HaveDocumentedMatrix()
    {
        var subjects = DemoDataSet.Scenario.Subjects;

        var matrix = subjects.Select(subject => DemoDepartments.All.Select(subject.ExpectedAnswerOf).ToArray()).ToArray();
        Assert.Equal([ExpectedAnswer.Hit, ExpectedAnswer.Hit, ExpectedAnswer.Hit, ExpectedAnswer.Hit], matrix[0]);
        Assert.Equal([ExpectedAnswer.NoHit, ExpectedAnswer.Hit, ExpectedAnswer.Hit, ExpectedAnswer.NoHit], matrix[1]);
        Assert.Equal([ExpectedAnswer.NoHit, ExpectedAnswer.NoHit, ExpectedAnswer.NoHit, ExpectedAnswer.NoHit], matrix[2]);
    }

    [Fact]
    public void Scenario_Person_HitsThroughSeveralTypes()
    {
        var person = DemoDataSet.Scenario.Subjects[0];

        var hitTypes = DemoDepartments.All.ToDictionary(
            department => department,
            department => person.Identifiers.Where(identifier => identifier.ExpectedAnswerOf(department) == ExpectedAnswer.Hit).Select(identifier => identifier.Type).ToHashSet());
        Assert.Contains(IdentifierType.Bsn, hitTypes[DemoDepartments.Brp]);
        Assert.Contains(IdentifierType.Bsn, hitTypes[DemoDepartments.SocialDomain]);
        Assert.Contains(IdentifierType.LicencePlate, hitTypes[DemoDepartments.Permits]);
        Assert.DoesNotContain(IdentifierType.Bsn, hitTypes[DemoDepartments.Permits]);
        Assert.Contains(IdentifierType.Address, hitTypes[DemoDepartments.Taxes]);
    }

    [Fact]
    public void Scenario_TypedIdentifiers_AreValid()
    {
        var identifiers = DemoDataSet.Scenario.Subjects.SelectMany(subject => subject.Identifiers).ToList();

        Assert.All(identifiers, identifier => Assert.True(
            IdentifierNormalizer.TryNormalize(identifier.Type, identifier.Value, null, out _, out var error),
            $"{identifier} as typed is invalid: rule {error.Rule}."));
    }

    [Fact]
    public void Scenario_Identifiers_CoverEveryDepartment()
    {
        var identifiers = DemoDataSet.Scenario.Subjects.SelectMany(subject => subject.Identifiers);

        Assert.All(identifiers, identifier => Assert.Equal(DemoDepartments.All.Order(StringComparer.Ordinal), identifier.ExpectedAnswers.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Scenario_ToString_HidesValues()
    {
        var subject = DemoDataSet.Scenario.Subjects[0];

        Assert.DoesNotContain("Koolmees", subject.ToString(), StringComparison.Ordinal);
        Assert.All(subject.Identifiers, identifier => Assert.DoesNotContain(identifier.Value, identifier.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void NoHitSubject_Exports_ContainNoTrace()
    {
        var texts = demo.Files.Departments.SelectMany(department => department.Files)
            .Select(file => Encoding.UTF8.GetString(File.ReadAllBytes(file.Path)))
            .ToList();

        // Every writing the exports use: BSN with and without leading zeros, postcode with and
        // without space, surname in any case, birth date as ISO, dd-mm-jjjj and yyyymmdd.
        string[] writings = ["999990354", "99990354", "3512JE", "3512 JE", "Oosterhuis", "OOSTERHUIS", "1983-04-17", "17-04-1983", "19830417"];
        foreach (var writing in writings)
        {
            Assert.All(texts, text => Assert.DoesNotContain(writing, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static List<Answer> AnswersOf(IReadOnlyList<LoadedSource> sources, string department)
    {
        var indexed = sources.SelectMany(source => source.Source.IdentifierTypes).ToHashSet();
        var indexedIdentifiers = sources.SelectMany(source => source.Records).SelectMany(record => record.Identifiers).ToHashSet();

        var answers = new List<Answer>();
        foreach (var subject in DemoDataSet.Scenario.Subjects)
        {
            foreach (var identifier in subject.Identifiers)
            {
                var canonical = IdentifierNormalizer.Normalize(identifier.Type, identifier.Value);
                var actual = !indexed.Contains(identifier.Type) ? ExpectedAnswer.NotHeld
                    : indexedIdentifiers.Contains(canonical) ? ExpectedAnswer.Hit
                    : ExpectedAnswer.NoHit;
                answers.Add(new Answer(subject.Label, identifier.Type, identifier.ExpectedAnswerOf(department), actual));
            }
        }

        return answers;
    }

    private sealed record Answer(string Subject, IdentifierType Type, ExpectedAnswer Expected, ExpectedAnswer Actual);
}
