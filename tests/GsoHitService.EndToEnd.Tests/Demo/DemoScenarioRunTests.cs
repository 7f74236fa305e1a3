using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using GsoHitService.Audit;
using GsoHitService.Cli.Queries;
using GsoHitService.Demo.Data;
using GsoHitService.Matching;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Demo;

/// <summary>
/// The demo scenario end to end: the hit matrix per subject and department against
/// <see cref="DemoScenario"/>, the released content against privacy check 2, the audit chains of
/// every host, the SQLite store, and that no listener is left when the run returns.
/// </summary>
public sealed class DemoScenarioRunTests(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var subject in DemoDataSet.Scenario.Subjects)
        {
            foreach (var department in DemoDepartments.All)
            {
                cells.Add(subject.Label, department);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Matrix_Cell_IsScenarioAnswer(string subjectLabel, string department)
    {
        var matrix = HitMatrix.From(demo.Result.Query.Result);
        var subject = DemoDataSet.Scenario.Subjects.Single(candidate => candidate.Label == subjectLabel);

        var row = Assert.Single(matrix.Rows, candidate => candidate.Label == subjectLabel);
        var column = matrix.Departments.ToList().FindIndex(outcome => outcome.Department == department);
        Assert.True(column >= 0, $"The matrix has no column for {department}.");
        Assert.Equal(ExpectedCell(subject.ExpectedAnswerOf(department)), row.Cells[column]);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Answers_PerIdentifierType_AreScenarioAnswers(string subjectLabel, string department)
    {
        var subject = DemoDataSet.Scenario.Subjects.Single(candidate => candidate.Label == subjectLabel);
        var result = demo.Result.Query.Result.Subjects.Single(candidate => candidate.Label == subjectLabel);
        var answers = result.Departments.Single(candidate => candidate.Department == department).Answers;

        foreach (var group in subject.Identifiers.GroupBy(identifier => identifier.Type))
        {
            var expected = group.Select(identifier => identifier.ExpectedAnswerOf(department)).ToList();
            var expectedAnswer = expected.Contains(ExpectedAnswer.Hit) ? Proto.HitAnswer.Hit
                : expected.Contains(ExpectedAnswer.NoHit) ? Proto.HitAnswer.NoHit
                : Proto.HitAnswer.NotHeld;
            var answer = Assert.Single(answers, candidate => (IdentifierType)(int)candidate.IdentifierType == group.Key);
            Assert.True(expectedAnswer == answer.Answer, $"{IdentifierTypes.ToName(group.Key)}: expected {expectedAnswer}, got {answer.Answer}.");
        }
    }

    [Fact]
    public void Query_EveryDepartment_Answered()
    {
        var outcomes = demo.Result.Query.Result.Departments;

        Assert.Equal(DemoDepartments.All.Order(StringComparer.Ordinal), outcomes.Select(outcome => outcome.Department).Order(StringComparer.Ordinal));
        Assert.All(outcomes, outcome => Assert.Equal(Proto.DepartmentOutcome.Answered, outcome.Outcome));
        Assert.NotEmpty(demo.Result.Query.Result.CaseId);
    }

    [Fact]
    public void Release_Content_HasExactlyApprovedFields()
    {
        var release = demo.Result.Release;

        Assert.NotEmpty(release.Content.Items);
        Assert.All(release.Content.Items, item =>
        {
            Assert.Equal(release.ApprovedFields.Order(StringComparer.Ordinal), item.Fields.Keys.Order(StringComparer.Ordinal));
            Assert.All(item.Fields.Values, value => Assert.False(string.IsNullOrWhiteSpace(value)));
            Assert.Equal(release.Department, item.Department);
            Assert.Equal(release.SubjectLabel, item.SubjectLabel);
        });
        Assert.Equal(release.Content.Items.Count, release.Release.RecordCount);
        Assert.Equal(0, release.Content.WithheldFieldCount);
    }

    [Fact]
    public void Release_Subject_HasHitAtDepartment()
    {
        var release = demo.Result.Release;
        var subject = DemoDataSet.Scenario.Subjects.Single(candidate => candidate.Label == release.SubjectLabel);

        Assert.Equal(ExpectedAnswer.Hit, subject.ExpectedAnswerOf(release.Department));
    }

    [Fact]
    public void AuditLogs_EveryHost_ChainIntact()
    {
        var logs = demo.Result.AuditLogs;

        Assert.Equal(["coordinator", .. DemoDepartments.All], logs.Select(log => log.Owner));
        foreach (var log in logs)
        {
            var verification = AuditLogVerifier.Verify(log.Path, TestContext.Current.CancellationToken);
            Assert.True(verification.IsIntact, $"The audit log of {log.Owner} is broken: {verification.FirstBreak}.");
            Assert.Equal(log.EntriesChecked, verification.EntriesChecked);
            Assert.True(verification.EntriesChecked > 0, $"The audit log of {log.Owner} is empty.");
        }
    }

    [Fact]
    public void Coordinator_Store_IsSqliteFile()
    {
        var header = new byte[16];
        using (var file = File.OpenRead(demo.Result.DatabasePath))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(header));
    }

    [Fact]
    public async Task Hosts_AfterRun_LeaveNoListener()
    {
        var endpoints = demo.Result.Endpoints;
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();

        Assert.Equal(DemoDepartments.All.Count + 1, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.DoesNotContain(listeners, listener => listener.Port == endpoint.Port && IPAddress.IsLoopback(listener.Address));

            using var client = new TcpClient();
            var failure = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, endpoint.Port, TestContext.Current.CancellationToken).AsTask());
            Assert.Equal(SocketError.ConnectionRefused, failure.SocketErrorCode);
        }
    }

    [Fact]
    public void Output_Steps_ShowMatrixAndContent()
    {
        var output = demo.Output;

        Assert.Contains("De hitmatrix klopt met het scenario: 12 cellen gecontroleerd.", output, StringComparison.Ordinal);
        Assert.Contains("Vrijgegeven gegevens van casus", output, StringComparison.Ordinal);
        Assert.Contains("Demo geslaagd", output, StringComparison.Ordinal);
        Assert.Contains($"De tijdelijke map is bewaard: {demo.Result.Folder}", output, StringComparison.Ordinal);
    }

    private static HitCell ExpectedCell(ExpectedAnswer answer) => answer switch
    {
        ExpectedAnswer.Hit => HitCell.Hit,
        ExpectedAnswer.NoHit => HitCell.NoHit,
        _ => HitCell.NotHeld,
    };
}
