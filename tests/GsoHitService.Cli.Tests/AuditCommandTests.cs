using GsoHitService.Audit;
using GsoHitService.TestSupport;

namespace GsoHitService.Cli.Tests;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Verify_IntactLog_ExitsZeroWithDutchReport()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 3);

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("Resultaat: intact. Alle 3 logregels", output, StringComparison.Ordinal);
        Assert.Contains("Laatste volgnummer: 3", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Verify_OneEntry_UsesSingular()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 1);

        var (exitCode, output, _) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("Resultaat: intact. De enige logregel is ongewijzigd.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("logregels", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangedLine_ReportsLine()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 4);
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("\"hits\":1", "\"hits\":0", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var (exitCode, output, _) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Resultaat: VERBROKEN. 2 logregels zijn in orde", output, StringComparison.Ordinal);
        Assert.Contains("Eerste fout: regel 3 (volgnummer 3): de hash past niet bij de inhoud", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedLine_ReportsSequenceGap()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 4);
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(1);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var (exitCode, output, _) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("regel 2 (volgnummer 3): volgnummer 3 waar 2 werd verwacht", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TruncatedLastLine_ReportsLineWithoutSequence()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 2);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^5]);

        var (exitCode, output, _) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("Eerste fout: regel 2: de laatste regel is afgebroken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFile_ExitsTwoWithDutchError()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("bestaat-niet.jsonl");

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"Fout: het auditlog {path} bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnreadableFile_ExitsTwo()
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await CommandRunner.RunAsync("nl-NL", "audit", "verify", folder.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("kan niet worden gelezen", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EnglishCulture_PrintsEnglishReport()
    {
        using var folder = new TempDirectory();
        var path = WriteLog(folder, 1);

        var (exitCode, output, _) = await CommandRunner.RunAsync("en-GB", "audit", "verify", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("Result: intact. The only log line is unchanged.", output, StringComparison.Ordinal);
    }

    private static string WriteLog(TempDirectory folder, int entries)
    {
        var path = folder.Combine("audit.jsonl");
        using var log = AuditLog.Open(path);
        for (var i = 1; i <= entries; i++)
        {
            log.Append(new AuditEntry("CN=coordinator", "hit-query", AuditOutcome.Succeeded)
            {
                DecisionId = $"pc1-{i}",
                Counts = new AuditCounts(3, 1, 2, 0, 0),
            });
        }

        return path;
    }
}
