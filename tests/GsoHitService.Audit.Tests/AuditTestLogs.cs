using System.Text;
using GsoHitService.Audit.Internal;
using GsoHitService.TestSupport;

namespace GsoHitService.Audit.Tests;

/// <summary>Builds audit log files for tests.</summary>
internal static class AuditTestLogs
{
    public static AuditEntry Query(int number) => new($"CN=coordinator; sha256={number:D64}", "hit-query", AuditOutcome.Succeeded)
    {
        DecisionId = $"pc1-2025-{number:D4}",
        Counts = new AuditCounts(Asked: 3, Hits: 1, NoHits: 2, NotHeld: 0, Unavailable: 0),
    };

    /// <summary>Writes a log of <paramref name="count"/> query entries and returns its path.</summary>
    public static string Write(TempDirectory folder, int count, string name = "audit.jsonl")
    {
        var path = folder.Combine(name);
        using var log = AuditLog.Open(path);
        for (var i = 1; i <= count; i++)
        {
            log.Append(Query(i));
        }

        return path;
    }

    /// <summary>Returns the file's lines without their newlines.</summary>
    public static List<string> ReadLines(string path) =>
        [.. File.ReadAllText(path, Encoding.UTF8).Split('\n').SkipLast(1)];

    public static void WriteLines(string path, IEnumerable<string> lines) =>
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")), new UTF8Encoding(false));

    /// <summary>
    /// Serializes a record whose hash is recomputed, as a forger with the format description would.
    /// </summary>
    public static string Forge(long sequence, DateTimeOffset time, AuditEntry entry, string previousHash, out string hash)
    {
        hash = AuditRecordCodec.ComputeHash(sequence, time, entry, previousHash);
        return Encoding.UTF8.GetString(AuditRecordCodec.Serialize(new AuditRecord(sequence, time, entry, previousHash, hash)));
    }
}
