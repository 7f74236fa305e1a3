using GsoHitService.Cli.Queries;
using GsoHitService.Demo.Data;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>One cell of the hit matrix that differs from the scenario's expected answer.</summary>
/// <param name="Subject">The subject's label.</param>
/// <param name="Department">The department's column.</param>
/// <param name="Expected">What the scenario expects.</param>
/// <param name="Actual">What the matrix shows; null when the matrix has no row or column for it.</param>
internal sealed record DemoMismatch(string Subject, string Department, HitCell Expected, HitCell? Actual);

/// <summary>
/// Compares the hit matrix of a query with the answers that <see cref="DemoScenario"/> expects per
/// subject and department, so that the demo also works as a smoke test of the whole chain.
/// </summary>
internal static class DemoMatrixCheck
{
    /// <summary>Returns every cell that differs; an empty list means the matrix is as expected.</summary>
    public static IReadOnlyList<DemoMismatch> Compare(HitQueryResult result, DemoScenario scenario)
    {
        var matrix = HitMatrix.From(result);
        var columns = matrix.Departments.Select(department => department.Department).ToList();
        var mismatches = new List<DemoMismatch>();

        foreach (var subject in scenario.Subjects)
        {
            var row = matrix.Rows.FirstOrDefault(candidate => candidate.Label == subject.Label);
            foreach (var department in scenario.Departments)
            {
                var expected = ToCell(subject.ExpectedAnswerOf(department));
                var column = columns.IndexOf(department);
                HitCell? actual = row is null || column < 0 ? null : row.Cells[column];
                if (actual != expected)
                {
                    mismatches.Add(new DemoMismatch(subject.Label, department, expected, actual));
                }
            }
        }

        return mismatches;
    }

    /// <summary>The cell that shows an expected answer.</summary>
    public static HitCell ToCell(ExpectedAnswer answer) => answer switch
    {
        ExpectedAnswer.Hit => HitCell.Hit,
        ExpectedAnswer.NoHit => HitCell.NoHit,
        ExpectedAnswer.NotHeld => HitCell.NotHeld,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Not an ExpectedAnswer value."),
    };
}
