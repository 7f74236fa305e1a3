using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Queries;

/// <summary>One subject's row: one cell per department, and per identifier type one row of cells for the detail view.</summary>
internal sealed record HitMatrixRow(string SubjectId, string Label, IReadOnlyList<HitCell> Cells, IReadOnlyList<HitMatrixTypeRow> Types);

/// <summary>One identifier type of a subject, with one cell per department.</summary>
internal sealed record HitMatrixTypeRow(IdentifierType Type, IReadOnlyList<HitCell> Cells);

/// <summary>
/// The cells of a hit query result: rows are subjects, columns are departments. Each cell combines
/// the answers for all identifiers of the subject at that department.
/// </summary>
/// <remarks>
/// A cell is <see cref="HitCell.Hit"/> when any identifier hit. A department that did not answer
/// (any outcome but ANSWERED) gives <see cref="HitCell.Unavailable"/> in every cell, whatever its
/// answers say, so a failure never shows as "no hit". Without a hit, one unavailable (or unknown)
/// answer makes the cell unavailable too, because that identifier could still have hit. Only then
/// does "no hit" win over "not held".
/// </remarks>
internal sealed class HitMatrix
{
    private HitMatrix(IReadOnlyList<DepartmentQueryOutcome> departments, IReadOnlyList<HitMatrixRow> rows)
    {
        Departments = departments;
        Rows = rows;
    }

    /// <summary>The columns: each department's outcome, in the coordinator's order.</summary>
    public IReadOnlyList<DepartmentQueryOutcome> Departments { get; }

    public IReadOnlyList<HitMatrixRow> Rows { get; }

    public static HitMatrix From(HitQueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        var departments = new List<DepartmentQueryOutcome>();
        foreach (var outcome in result.Departments)
        {
            if (!departments.Exists(known => known.Department == outcome.Department))
            {
                departments.Add(outcome);
            }
        }

        // A department that has answers but no outcome has no known outcome, so it did not answer.
        var unlisted = result.Subjects
            .SelectMany(subject => subject.Departments)
            .Select(answers => answers.Department)
            .Distinct(StringComparer.Ordinal)
            .Where(department => !departments.Exists(known => known.Department == department))
            .ToList();
        departments.AddRange(unlisted.Select(department => new DepartmentQueryOutcome { Department = department, Outcome = DepartmentOutcome.Unspecified }));

        var rows = result.Subjects.Select(subject => BuildRow(subject, departments)).ToList();
        return new HitMatrix(departments, rows);
    }

    /// <summary>Combines answers into one cell: hit, else unavailable, else no hit, else not held.</summary>
    public static HitCell Combine(IEnumerable<HitAnswer> answers)
    {
        var cells = answers.Select(answer => answer switch
        {
            HitAnswer.Hit => HitCell.Hit,
            HitAnswer.NoHit => HitCell.NoHit,
            HitAnswer.NotHeld => HitCell.NotHeld,
            _ => HitCell.Unavailable,
        }).ToList();

        if (cells.Count == 0)
        {
            // Nothing was answered, so nothing can be concluded.
            return HitCell.Unavailable;
        }

        return cells.Contains(HitCell.Hit) ? HitCell.Hit
            : cells.Contains(HitCell.Unavailable) ? HitCell.Unavailable
            : cells.Contains(HitCell.NoHit) ? HitCell.NoHit
            : HitCell.NotHeld;
    }

    private static HitMatrixRow BuildRow(SubjectResult subject, List<DepartmentQueryOutcome> departments)
    {
        var answersByDepartment = departments
            .Select(department => subject.Departments.FirstOrDefault(answers => answers.Department == department.Department))
            .ToList();

        var cells = departments
            .Select((department, column) => CellFor(department, answersByDepartment[column], _ => true))
            .ToList();

        var types = subject.Departments
            .SelectMany(answers => answers.Answers)
            .Select(answer => answer.IdentifierType)
            .Distinct()
            .Order()
            .Select(type => new HitMatrixTypeRow(
                type,
                departments.Select((department, column) => CellFor(department, answersByDepartment[column], answer => answer.IdentifierType == type)).ToList()))
            .ToList();

        return new HitMatrixRow(subject.SubjectId, subject.Label, cells, types);
    }

    private static HitCell CellFor(DepartmentQueryOutcome department, DepartmentSubjectResult? answers, Func<TypeAnswer, bool> include)
    {
        if (department.Outcome != DepartmentOutcome.Answered)
        {
            return HitCell.Unavailable;
        }

        if (answers is null)
        {
            return HitCell.NotAsked;
        }

        var selected = answers.Answers.Where(include).Select(answer => answer.Answer).ToList();

        // A type row lists every type of the subject; a department that was not asked about this
        // type has no answer for it. For the whole subject, no answers at all means no conclusion.
        if (selected.Count == 0 && answers.Answers.Count > 0)
        {
            return HitCell.NotAsked;
        }

        return Combine(selected);
    }
}
