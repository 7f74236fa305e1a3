using GsoHitService.Demo.Data;

namespace GsoHitService.EndToEnd.Tests.DemoData;

/// <summary>
/// Import reports of the generated exports, loaded through the real source connectors: they
/// balance, and they reject exactly the inactive and the deliberately invalid records.
/// </summary>
public sealed class DemoImportReportTests(DemoDataSetFixture demo) : IClassFixture<DemoDataSetFixture>
{
    public static TheoryData<string> Departments => [.. DemoDepartments.All];

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_ImportReports_Balance(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        Assert.All(sources, source => Assert.True(source.Report.IsBalanced, $"The import report of {source.Source.Name} does not balance."));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_RowsRead_EqualRecordsInFile(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        Assert.All(sources, source => Assert.Equal(demo.FileOf(source.Source.Name).Records, source.Report.RowsRead));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_NotRelevantRows_EqualInactiveRecords(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        Assert.All(sources, source => Assert.Equal(
            demo.FileOf(source.Source.Name).InactiveRecords,
            source.Report.RejectedRowsByReason.GetValueOrDefault("not-relevant")));
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_OtherRejections_EqualInvalidRecords(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        Assert.All(sources, source =>
        {
            var invalid = source.Report.RejectedRowsByReason.Where(entry => entry.Key != "not-relevant").Sum(entry => entry.Value);
            Assert.True(
                demo.FileOf(source.Source.Name).InvalidRecords == invalid,
                $"{source.Source.Name}: expected {demo.FileOf(source.Source.Name).InvalidRecords} invalid rows, rejected {string.Join(", ", source.Report.RejectedRowsByReason.Select(entry => $"{entry.Key}={entry.Value}"))}.");
        });
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task Department_Fields_AreNotFlagged(string department)
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(department));

        Assert.All(sources, source => Assert.Empty(source.Report.FlaggedFields));
    }

    [Fact]
    public async Task Zorgned_ShortBsn_CountsRejectedIdentifier()
    {
        var sources = await DemoSourceLoader.LoadAsync(demo.Files.Department(DemoDepartments.SocialDomain));

        var report = sources.Single().Report;
        Assert.True(report.RejectedIdentifiersByReason.GetValueOrDefault("bsn:WrongLength") >= 1);
    }
}
