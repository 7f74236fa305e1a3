using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Queries;

/// <summary>
/// Writes a hit query result as a plain-text hit matrix with subjects as rows and departments as
/// columns. Around it come the query, signal and decision, optionally the same matrix per
/// identifier type, each department's outcome with its index freshness, a legend and the case.
/// Used by <c>gso query run</c>, <c>gso query show</c> and the demo.
/// </summary>
/// <remarks>
/// Shows subject labels and identifier types only, never identifier values, which the result
/// does not contain anyway. Times are in the local time zone of <paramref name="timeProvider"/>.
/// </remarks>
internal sealed class HitMatrixRenderer(TimeProvider timeProvider)
{
    private readonly LocalTimes _times = new(timeProvider);

    public void Render(HitQueryResult result, TextWriter output, bool showDetails = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);

        var matrix = HitMatrix.From(result);
        WriteHeader(result, output);
        output.WriteLine();

        WriteMatrix(matrix, output);
        if (result.TotalSubjectCount > matrix.Rows.Count)
        {
            output.WriteLine(Messages.Format(HitMatrixStrings.PartialResult, matrix.Rows.Count, result.TotalSubjectCount));
        }

        if (showDetails)
        {
            output.WriteLine();
            output.WriteLine(HitMatrixStrings.DetailsHeader);
            WriteDetails(matrix, output);
        }

        output.WriteLine();
        output.WriteLine(HitMatrixStrings.DepartmentsHeader);
        WriteDepartments(matrix, output);

        output.WriteLine();
        WriteLegend(matrix, showDetails, output);

        output.WriteLine();
        output.WriteLine(result.CaseId.Length > 0
            ? Messages.Format(HitMatrixStrings.CaseOpened, result.CaseId)
            : HitMatrixStrings.NoCase);
    }

    /// <summary>The text of a cell, as in the matrix and the legend.</summary>
    public static string CellText(HitCell cell) => cell switch
    {
        HitCell.Hit => HitMatrixStrings.CellHit,
        HitCell.NoHit => HitMatrixStrings.CellNoHit,
        HitCell.NotHeld => HitMatrixStrings.CellNotHeld,
        HitCell.Unavailable => HitMatrixStrings.CellUnavailable,
        _ => HitMatrixStrings.CellNotAsked,
    };

    private void WriteHeader(HitQueryResult result, TextWriter output)
    {
        output.WriteLine(Messages.Format(HitMatrixStrings.QueryHeader, result.QueryId, result.SignalId, result.DecisionId));
        if (result.RepeatOfQueryId.Length > 0)
        {
            output.WriteLine(Messages.Format(HitMatrixStrings.RepeatOf, result.RepeatOfQueryId));
        }

        var started = result.StartedAt is null ? CoordinatorStrings.None : _times.Format(result.StartedAt);
        output.WriteLine(result.CompletedAt is null
            ? Messages.Format(HitMatrixStrings.StartedNotCompleted, started)
            : Messages.Format(HitMatrixStrings.StartedCompleted, started, _times.Format(result.CompletedAt)));
    }

    private static void WriteMatrix(HitMatrix matrix, TextWriter output)
    {
        var table = new TextTable([HitMatrixStrings.ColumnSubject, .. matrix.Departments.Select(department => department.Department)]);
        foreach (var row in matrix.Rows)
        {
            table.AddRow([row.Label, .. row.Cells.Select(CellText)]);
        }

        table.Write(output);
    }

    private static void WriteDetails(HitMatrix matrix, TextWriter output)
    {
        var table = new TextTable([HitMatrixStrings.ColumnSubject, HitMatrixStrings.ColumnIdentifierType, .. matrix.Departments.Select(department => department.Department)]);
        foreach (var row in matrix.Rows)
        {
            var first = true;
            foreach (var type in row.Types)
            {
                table.AddRow([first ? row.Label : "", WireNames.TypeName(type.Type), .. type.Cells.Select(CellText)]);
                first = false;
            }

            if (row.Types.Count == 0)
            {
                table.AddRow([row.Label, CoordinatorStrings.None, .. row.Cells.Select(CellText)]);
            }
        }

        table.Write(output);
    }

    private void WriteDepartments(HitMatrix matrix, TextWriter output)
    {
        var table = new TextTable(HitMatrixStrings.ColumnDepartment, HitMatrixStrings.ColumnOutcome, HitMatrixStrings.ColumnIndex);
        foreach (var department in matrix.Departments)
        {
            table.AddRow(department.Department, DepartmentOutcomeText.Describe(department), IndexText(department));
        }

        table.Write(output, "  ");
    }

    private string IndexText(DepartmentQueryOutcome department)
    {
        if (department.IndexLoadedAt is not null)
        {
            return Messages.Format(HitMatrixStrings.IndexLoadedAt, _times.FormatWithAge(department.IndexLoadedAt));
        }

        return department.Outcome == DepartmentOutcome.Answered ? HitMatrixStrings.IndexLoadUnknown : "";
    }

    private static void WriteLegend(HitMatrix matrix, bool showDetails, TextWriter output)
    {
        var cells = new List<HitCell> { HitCell.Hit, HitCell.NoHit, HitCell.NotHeld, HitCell.Unavailable };
        var anyNotAsked = matrix.Rows.Any(row => row.Cells.Contains(HitCell.NotAsked)
            || (showDetails && row.Types.Any(type => type.Cells.Contains(HitCell.NotAsked))));
        if (anyNotAsked)
        {
            cells.Add(HitCell.NotAsked);
        }

        output.WriteLine(HitMatrixStrings.LegendHeader);
        var width = cells.Max(cell => CellText(cell).Length) + 2;
        foreach (var cell in cells)
        {
            output.WriteLine("  " + CellText(cell).PadRight(width) + LegendText(cell));
        }

        output.WriteLine("  " + HitMatrixStrings.LegendAggregation);
    }

    private static string LegendText(HitCell cell) => cell switch
    {
        HitCell.Hit => HitMatrixStrings.LegendHit,
        HitCell.NoHit => HitMatrixStrings.LegendNoHit,
        HitCell.NotHeld => HitMatrixStrings.LegendNotHeld,
        HitCell.Unavailable => HitMatrixStrings.LegendUnavailable,
        _ => HitMatrixStrings.LegendNotAsked,
    };
}
