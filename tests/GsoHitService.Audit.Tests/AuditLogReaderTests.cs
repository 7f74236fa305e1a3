using System.Text;
using GsoHitService.TestSupport;

namespace GsoHitService.Audit.Tests;

public sealed class AuditLogReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void ReadRecords_MissingFile_IsEmpty()
    {
        using var folder = new TempDirectory();

        Assert.Empty(AuditLogReader.ReadRecords(folder.Combine("audit.jsonl"), Token));
    }

    [Fact]
    public void ReadRecords_Log_ReturnsEntriesInOrder()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        using (var log = AuditLog.Open(path))
        {
            log.Append(AuditTestLogs.Query(1));
            log.Append(new AuditEntry("CN=coordinator", "hit-query", AuditOutcome.Refused) { DecisionId = "pc1-9", Counts = AuditCounts.Refused(12) });
        }

        var records = AuditLogReader.ReadRecords(path, Token).ToArray();

        Assert.Equal([1L, 2L], records.Select(record => record.Sequence));
        Assert.Equal("pc1-9", records[1].Entry.DecisionId);
        Assert.Equal(AuditOutcome.Refused, records[1].Entry.Outcome);
    }

    [Fact]
    public void ReadRecords_CutOffLastLine_IsSkipped()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        using (var log = AuditLog.Open(path))
        {
            log.Append(AuditTestLogs.Query(1));
        }

        File.AppendAllText(path, "{\"seq\":2,\"time\":", Encoding.UTF8);

        Assert.Single(AuditLogReader.ReadRecords(path, Token));
    }

    [Fact]
    public void ReadRecords_DamagedLine_ThrowsNamingTheLine()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        using (var log = AuditLog.Open(path))
        {
            log.Append(AuditTestLogs.Query(1));
        }

        File.AppendAllText(path, "not an entry\n", Encoding.UTF8);

        var exception = Assert.Throws<InvalidDataException>(() => AuditLogReader.ReadRecords(path, Token).ToArray());
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
    }
}
