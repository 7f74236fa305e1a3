using GsoHitService.Cli.Queries;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Queries;

public sealed class HitMatrixTests
{
    [Theory]
    [InlineData(new[] { HitAnswer.Hit }, nameof(HitCell.Hit))]
    [InlineData(new[] { HitAnswer.NoHit, HitAnswer.Hit }, nameof(HitCell.Hit))]
    [InlineData(new[] { HitAnswer.Unavailable, HitAnswer.Hit }, nameof(HitCell.Hit))]
    [InlineData(new[] { HitAnswer.NotHeld, HitAnswer.Hit }, nameof(HitCell.Hit))]
    [InlineData(new[] { HitAnswer.NoHit }, nameof(HitCell.NoHit))]
    [InlineData(new[] { HitAnswer.NoHit, HitAnswer.NotHeld }, nameof(HitCell.NoHit))]
    [InlineData(new[] { HitAnswer.NotHeld }, nameof(HitCell.NotHeld))]
    [InlineData(new[] { HitAnswer.NotHeld, HitAnswer.NotHeld }, nameof(HitCell.NotHeld))]
    [InlineData(new[] { HitAnswer.NoHit, HitAnswer.Unavailable }, nameof(HitCell.Unavailable))]
    [InlineData(new[] { HitAnswer.NotHeld, HitAnswer.Unavailable }, nameof(HitCell.Unavailable))]
    [InlineData(new[] { HitAnswer.NoHit, HitAnswer.Unspecified }, nameof(HitCell.Unavailable))]
    [InlineData(new HitAnswer[0], nameof(HitCell.Unavailable))]
    public void Combine_Answers_GivesCell(HitAnswer[] answers, string expected)
    {
        Assert.Equal(Enum.Parse<HitCell>(expected), HitMatrix.Combine(answers));
    }

    [Fact]
    public void Combine_UnknownEnumValue_IsUnavailable()
    {
        Assert.Equal(HitCell.Unavailable, HitMatrix.Combine([HitAnswer.NoHit, (HitAnswer)42]));
    }

    [Theory]
    [InlineData(DepartmentOutcome.Unavailable)]
    [InlineData(DepartmentOutcome.Refused)]
    [InlineData(DepartmentOutcome.DeadlineExceeded)]
    [InlineData(DepartmentOutcome.Cancelled)]
    [InlineData(DepartmentOutcome.VersionMismatch)]
    [InlineData(DepartmentOutcome.Unspecified)]
    public void From_DepartmentDidNotAnswer_EveryCellUnavailable(DepartmentOutcome outcome)
    {
        var result = HitQueryResults.Sample();
        result.Departments[2].Outcome = outcome;

        var matrix = HitMatrix.From(result);

        Assert.All(matrix.Rows, row => Assert.Equal(HitCell.Unavailable, row.Cells[2]));
        Assert.All(matrix.Rows.SelectMany(row => row.Types), type => Assert.Equal(HitCell.Unavailable, type.Cells[2]));
    }

    [Fact]
    public void From_Sample_AggregatesPerSubject()
    {
        var matrix = HitMatrix.From(HitQueryResults.Sample());

        Assert.Equal(["brp", "vergunningen", "belastingen", "sociaal-domein"], matrix.Departments.Select(department => department.Department));
        Assert.Equal([HitCell.Hit, HitCell.NotHeld, HitCell.Unavailable, HitCell.Unavailable], matrix.Rows[0].Cells);
        Assert.Equal([HitCell.NoHit, HitCell.Hit, HitCell.Unavailable, HitCell.NotAsked], matrix.Rows[1].Cells);
    }

    [Fact]
    public void From_Sample_KeepsAnswerPerType()
    {
        var matrix = HitMatrix.From(HitQueryResults.Sample());

        var types = matrix.Rows[0].Types;
        Assert.Equal([IdentifierType.Bsn, IdentifierType.Address], types.Select(type => type.Type));
        Assert.Equal([HitCell.Hit, HitCell.NotHeld, HitCell.Unavailable, HitCell.NoHit], types[0].Cells);
        Assert.Equal([HitCell.NoHit, HitCell.NotHeld, HitCell.Unavailable, HitCell.Unavailable], types[1].Cells);
    }

    [Fact]
    public void From_TypeNotAsked_IsNotAsked()
    {
        var result = HitQueryResults.Sample();
        result.Subjects[0].Departments[0].Answers.RemoveAt(1);

        var matrix = HitMatrix.From(result);

        Assert.Equal(HitCell.NotAsked, matrix.Rows[0].Types[1].Cells[0]);
    }

    [Fact]
    public void From_AnswersWithoutOutcome_AddsUnavailableColumn()
    {
        var result = HitQueryResults.Sample();
        result.Subjects[0].Departments.Add(HitQueryResults.Department("parkeren", (IdentifierType.LicencePlate, HitAnswer.NoHit)));

        var matrix = HitMatrix.From(result);

        Assert.Equal("parkeren", matrix.Departments[^1].Department);
        Assert.Equal(HitCell.Unavailable, matrix.Rows[0].Cells[^1]);
    }

    [Fact]
    public void From_EmptyAnswerList_IsUnavailable()
    {
        var result = HitQueryResults.Sample();
        result.Subjects[1].Departments.Add(HitQueryResults.Department("sociaal-domein"));

        var matrix = HitMatrix.From(result);

        Assert.Equal(HitCell.Unavailable, matrix.Rows[1].Cells[3]);
    }
}
