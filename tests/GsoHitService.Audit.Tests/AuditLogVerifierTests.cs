using GsoHitService.TestSupport;

namespace GsoHitService.Audit.Tests;

public sealed class AuditLogVerifierTests
{
    private const int Entries = 5;

    [Fact]
    public void Verify_EmptyFile_IsIntact()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteFile("audit.jsonl", string.Empty);

        var result = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Equal(AuditRecord.GenesisHash, result.LastHash);
    }

    public static TheoryData<string, int, AuditBreakKind, long?> Tampering => new()
    {
        { "changed-field", 3, AuditBreakKind.HashMismatch, 3 },
        { "changed-sequence", 3, AuditBreakKind.HashMismatch, 9 },
        { "deleted-line", 3, AuditBreakKind.SequenceGap, 4 },
        { "deleted-first-line", 1, AuditBreakKind.SequenceGap, 2 },
        { "inserted-copy", 3, AuditBreakKind.SequenceGap, 2 },
        { "reordered-lines", 3, AuditBreakKind.SequenceGap, 4 },
        { "truncated-last-line", 5, AuditBreakKind.TruncatedLine, null },
        { "bad-json", 2, AuditBreakKind.InvalidJson, null },
        { "empty-line", 2, AuditBreakKind.InvalidJson, null },
        { "unknown-member", 2, AuditBreakKind.InvalidEntry, null },
        { "replaced-with-rehashed-entry", 4, AuditBreakKind.BrokenLink, 4 },
        { "time-backwards", 3, AuditBreakKind.TimeBackwards, 3 },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void Verify_TamperedLog_ReportsFirstBrokenLine(string tampering, int line, AuditBreakKind kind, long? sequence)
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, Entries);
        Tamper(path, tampering);

        var result = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);

        Assert.False(result.IsIntact);
        var found = result.FirstBreak!;
        Assert.Equal(kind, found.Kind);
        Assert.Equal(line, found.LineNumber);
        Assert.Equal(sequence, found.Sequence);
        Assert.Equal(line - 1, result.EntriesChecked);
        Assert.Equal(line, found.ExpectedSequence);
    }

    private static void Tamper(string path, string tampering)
    {
        var lines = AuditTestLogs.ReadLines(path);
        switch (tampering)
        {
            case "changed-field":
                lines[2] = lines[2].Replace("\"hits\":1", "\"hits\":0", StringComparison.Ordinal);
                break;
            case "changed-sequence":
                lines[2] = lines[2].Replace("\"seq\":3", "\"seq\":9", StringComparison.Ordinal);
                break;
            case "deleted-line":
                lines.RemoveAt(2);
                break;
            case "deleted-first-line":
                lines.RemoveAt(0);
                break;
            case "inserted-copy":
                lines.Insert(2, lines[1]);
                break;
            case "reordered-lines":
                (lines[2], lines[3]) = (lines[3], lines[2]);
                break;
            case "truncated-last-line":
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..^7]);
                return;
            case "bad-json":
                lines[1] = lines[1][..^1];
                break;
            case "empty-line":
                lines.Insert(1, string.Empty);
                break;
            case "unknown-member":
                lines[1] = lines[1].Replace("{\"v\":1,", "{\"v\":1,\"bsn\":\"123456782\",", StringComparison.Ordinal);
                break;
            case "replaced-with-rehashed-entry":
                var original = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);
                Assert.True(original.IsIntact);
                var third = System.Text.Json.Nodes.JsonNode.Parse(lines[2])!;
                lines[2] = AuditTestLogs.Forge(
                    3,
                    DateTimeOffset.Parse(third["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                    AuditTestLogs.Query(99),
                    third["prev"]!.GetValue<string>(),
                    out _);
                break;
            case "time-backwards":
                var start = new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);
                var previous = AuditRecord.GenesisHash;
                for (var i = 0; i < lines.Count; i++)
                {
                    var time = i == 2 ? start : start.AddMinutes(i + 1);
                    lines[i] = AuditTestLogs.Forge(i + 1, time, AuditTestLogs.Query(i + 1), previous, out previous);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, "Unknown tampering.");
        }

        AuditTestLogs.WriteLines(path, lines);
    }
}
