using GsoHitService.Cli.Demo;
using GsoHitService.Cli.Queries;
using GsoHitService.Demo.Data;
using GsoHitService.Protocol.V1;
using static GsoHitService.Cli.Tests.Queries.HitQueryResults;

namespace GsoHitService.Cli.Tests.Demo;

/// <summary>The demo's own check of the hit matrix against the scenario, which makes it fail as a smoke test.</summary>
public sealed class DemoMatrixCheckTests
{
    private static readonly DemoScenario Scenario = DemoDataSet.Scenario;

    [Fact]
    public void Compare_ScenarioAnswers_FindsNoMismatch()
    {
        var mismatches = DemoMatrixCheck.Compare(ResultWithScenarioAnswers(), Scenario);

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Compare_DepartmentUnavailable_ReportsEverySubject()
    {
        var result = ResultWithScenarioAnswers();
        var outcome = result.Departments.Single(department => department.Department == DemoDepartments.Taxes);
        outcome.Outcome = DepartmentOutcome.Unavailable;

        var mismatches = DemoMatrixCheck.Compare(result, Scenario);

        Assert.Equal(Scenario.Subjects.Select(subject => subject.Label), mismatches.Select(mismatch => mismatch.Subject));
        Assert.All(mismatches, mismatch => Assert.Equal(DemoDepartments.Taxes, mismatch.Department));
        Assert.All(mismatches, mismatch => Assert.Equal(HitCell.Unavailable, mismatch.Actual));
    }

    [Fact]
    public void Compare_HitTurnedNoHit_ReportsThatCell()
    {
        var result = ResultWithScenarioAnswers();
        var person = Scenario.Subjects[0];
        var answers = result.Subjects.Single(subject => subject.Label == person.Label).Departments.Single(department => department.Department == DemoDepartments.Brp).Answers;
        foreach (var answer in answers.Where(answer => answer.Answer == HitAnswer.Hit))
        {
            answer.Answer = HitAnswer.NoHit;
        }

        var mismatch = Assert.Single(DemoMatrixCheck.Compare(result, Scenario));

        Assert.Equal(new DemoMismatch(person.Label, DemoDepartments.Brp, HitCell.Hit, HitCell.NoHit), mismatch);
    }

    [Fact]
    public void Compare_SubjectMissing_ReportsNoCell()
    {
        var result = ResultWithScenarioAnswers();
        var nobody = Scenario.Subjects[^1];
        result.Subjects.Remove(result.Subjects.Single(subject => subject.Label == nobody.Label));

        var mismatches = DemoMatrixCheck.Compare(result, Scenario);

        Assert.Equal(DemoDepartments.All.Count, mismatches.Count);
        Assert.All(mismatches, mismatch => Assert.Equal(nobody.Label, mismatch.Subject));
        Assert.All(mismatches, mismatch => Assert.Null(mismatch.Actual));
    }

    /// <summary>A result in which every department answers each identifier type as the scenario expects.</summary>
    private static HitQueryResult ResultWithScenarioAnswers()
    {
        var result = new HitQueryResult { QueryId = "query-1", SignalId = "signal-1", DecisionId = "pc1-1", CaseId = "case-1" };
        result.Departments.AddRange(DemoDepartments.All.Select(department => Answered(department, Now)));
        for (var i = 0; i < Scenario.Subjects.Count; i++)
        {
            var subject = Scenario.Subjects[i];
            result.Subjects.Add(Subject($"subject-{i}", subject.Label, [.. DemoDepartments.All.Select(department => Department(
                department,
                [.. subject.Identifiers.GroupBy(identifier => identifier.Type).Select(group => ((IdentifierType)(int)group.Key, Combine(group.Select(identifier => identifier.ExpectedAnswerOf(department)))))]))]));
        }

        result.TotalSubjectCount = result.Subjects.Count;
        return result;
    }

    private static HitAnswer Combine(IEnumerable<ExpectedAnswer> answers)
    {
        var list = answers.ToList();
        return list.Contains(ExpectedAnswer.Hit) ? HitAnswer.Hit
            : list.Contains(ExpectedAnswer.NoHit) ? HitAnswer.NoHit
            : HitAnswer.NotHeld;
    }
}
