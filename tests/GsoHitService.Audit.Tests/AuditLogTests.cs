using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GsoHitService.TestSupport;

namespace GsoHitService.Audit.Tests;

public sealed class AuditLogTests
{
    [Fact]
    public void Append_SeveralEntries_VerifiesIntact()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        AuditRecord last;
        using (var log = AuditLog.Open(path))
        {
            log.Append(AuditTestLogs.Query(1));
            log.Append(new AuditEntry("CN=coordinator", "hit-query", AuditOutcome.Refused) { DecisionId = "pc1-9", Reason = "decision-replayed", Counts = AuditCounts.Refused(12) });
            last = log.Append(new AuditEntry("CN=coordinator", "content-release", AuditOutcome.Succeeded) { DecisionId = "pc2-3", Department = "belastingen", Fields = ["adres", "aanslagjaar"] });
        }

        var result = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);

        Assert.True(result.IsIntact);
        Assert.Equal(3, result.EntriesChecked);
        Assert.Equal(3, result.LastSequence);
        Assert.Equal(last.Hash, result.LastHash);
    }

    [Fact]
    public async Task AppendAllAsync_SeveralEntries_ContinueTheChain()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        AuditRecord first;
        IReadOnlyList<AuditRecord> batch;
        using (var log = AuditLog.Open(path))
        {
            first = log.Append(AuditTestLogs.Query(1));
            batch = await log.AppendAllAsync([AuditTestLogs.Query(2), AuditTestLogs.Query(3), AuditTestLogs.Query(4)], TestContext.Current.CancellationToken);
        }

        var result = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);

        Assert.True(result.IsIntact);
        Assert.Equal(4, result.EntriesChecked);
        Assert.Equal([2L, 3L, 4L], batch.Select(record => record.Sequence));
        Assert.Equal(first.Hash, batch[0].PreviousHash);
        Assert.Equal(batch[^1].Hash, result.LastHash);
    }

    [Fact]
    public async Task AppendAllAsync_OneInvalidEntry_WritesNone()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        using var log = AuditLog.Open(path);
        log.Append(AuditTestLogs.Query(1));

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await log.AppendAllAsync([AuditTestLogs.Query(2), new AuditEntry("", "hit-query", AuditOutcome.Succeeded)], TestContext.Current.CancellationToken));

        Assert.Equal(1, log.LastSequence);
        Assert.Single(AuditTestLogs.ReadLines(path));
    }

    [Fact]
    public async Task AppendAllAsync_NoEntries_WritesNothing()
    {
        using var folder = new TempDirectory();
        using var log = AuditLog.Open(folder.Combine("audit.jsonl"));

        var records = await log.AppendAllAsync([], TestContext.Current.CancellationToken);

        Assert.Empty(records);
        Assert.Equal(0, log.LastSequence);
    }

    [Fact]
    public void Append_FirstEntry_ChainsToGenesisHash()
    {
        using var folder = new TempDirectory();
        using var log = AuditLog.Open(folder.Combine("audit.jsonl"));

        var first = log.Append(AuditTestLogs.Query(1));
        var second = log.Append(AuditTestLogs.Query(2));

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditRecord.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
    }

    [Fact]
    public void Append_Entry_WritesOneJsonObjectPerLine()
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, 2);

        var lines = AuditTestLogs.ReadLines(path);

        Assert.Equal(2, lines.Count);
        var json = JsonNode.Parse(lines[1])!.AsObject();
        Assert.Equal(2, json["seq"]!.GetValue<long>());
        Assert.Equal("hit-query", json["action"]!.GetValue<string>());
        Assert.Equal(1, json["counts"]!["hits"]!.GetValue<int>());
        Assert.EndsWith("Z", json["time"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ExistingLog_ContinuesChain()
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, 2);
        var lastHash = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken).LastHash;

        AuditRecord appended;
        using (var log = AuditLog.Open(path))
        {
            Assert.Equal(2, log.LastSequence);
            appended = log.Append(AuditTestLogs.Query(3));
        }

        Assert.Equal(3, appended.Sequence);
        Assert.Equal(lastHash, appended.PreviousHash);
        Assert.True(AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken).IsIntact);
    }

    [Fact]
    public void Open_TruncatedLastLine_RefusesToAppend()
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, 3);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var exception = Assert.Throws<AuditLogException>(() => AuditLog.Open(path));

        Assert.Contains("no line end", exception.Message, StringComparison.Ordinal);
        Assert.Contains("gso audit verify", exception.Message, StringComparison.Ordinal);
        Assert.Equal(bytes.Length - 10, new FileInfo(path).Length);
    }

    [Fact]
    public void Open_ChangedLastLine_RefusesToAppend()
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, 3);
        var lines = AuditTestLogs.ReadLines(path);
        lines[2] = lines[2].Replace("\"hits\":1", "\"hits\":0", StringComparison.Ordinal);
        AuditTestLogs.WriteLines(path, lines);

        var exception = Assert.Throws<AuditLogException>(() => AuditLog.Open(path));

        Assert.Contains("last line is not a valid entry", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ConcurrentWriters_KeepChainConsistent()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        const int Writers = 8;
        const int EntriesPerWriter = 50;

        using (var log = AuditLog.Open(path))
        {
            var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < EntriesPerWriter; i++)
                {
                    if (i % 2 == 0)
                    {
                        log.Append(AuditTestLogs.Query(writer * 1000 + i));
                    }
                    else
                    {
                        await log.AppendAsync(AuditTestLogs.Query(writer * 1000 + i), TestContext.Current.CancellationToken);
                    }
                }
            }, TestContext.Current.CancellationToken));
            await Task.WhenAll(writers);
        }

        var result = AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken);
        Assert.True(result.IsIntact, result.FirstBreak?.Detail);
        Assert.Equal(Writers * EntriesPerWriter, result.EntriesChecked);
    }

    [Fact]
    public void Append_ClockStepsBack_KeepsTimeMonotonic()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        var clock = new SettableClock(new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero));
        AuditRecord first, second;
        using (var log = AuditLog.Open(path, clock))
        {
            first = log.Append(AuditTestLogs.Query(1));
            clock.Now = clock.Now.AddHours(-1);
            second = log.Append(AuditTestLogs.Query(2));
        }

        Assert.Equal(first.Timestamp, second.Timestamp);
        Assert.True(AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken).IsIntact);
    }

    public static TheoryData<string, string> InvalidEntries => new()
    {
        { "empty-actor", "actor is empty" },
        { "empty-action", "action is empty" },
        { "negative-count", "counts must not be negative" },
        { "control-character", "reason contains a control character" },
        { "long-action", "action is longer than 512 characters" },
        { "empty-field-name", "field name is empty" },
        { "undefined-outcome", "outcome 7 is not a defined value" },
    };

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public void Append_InvalidEntry_ThrowsAndWritesNothing(string situation, string problem)
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("audit.jsonl");
        using var log = AuditLog.Open(path);
        var valid = AuditTestLogs.Query(1);
        var entry = situation switch
        {
            "empty-actor" => valid with { Actor = " " },
            "empty-action" => valid with { Action = "" },
            "negative-count" => valid with { Counts = new AuditCounts(1, -1, 0, 0, 0) },
            "control-character" => valid with { Reason = "line\nbreak" },
            "long-action" => valid with { Action = new string('a', 513) },
            "empty-field-name" => valid with { Fields = ["naam", ""] },
            "undefined-outcome" => valid with { Outcome = (AuditOutcome)7 },
            _ => throw new ArgumentOutOfRangeException(nameof(situation), situation, "Unknown situation."),
        };

        var exception = Assert.Throws<ArgumentException>(() => log.Append(entry));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Equal(0, log.LastSequence);
    }

    [Fact]
    public void Verify_ReformattedJson_StaysIntact()
    {
        using var folder = new TempDirectory();
        var path = AuditTestLogs.Write(folder, 2);
        var reformatted = AuditTestLogs.ReadLines(path)
            .Select(line => JsonNode.Parse(line)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace(",", ", ", StringComparison.Ordinal));
        AuditTestLogs.WriteLines(path, reformatted);

        Assert.True(AuditLogVerifier.Verify(path, TestContext.Current.CancellationToken).IsIntact);
    }

    [Fact]
    public void Append_Entry_HashFollowsDocumentedEncoding()
    {
        using var folder = new TempDirectory();
        var clock = new SettableClock(new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero));
        using var log = AuditLog.Open(folder.Combine("audit.jsonl"), clock);
        var entry = new AuditEntry("CN=coördinator", "content-release", AuditOutcome.Succeeded)
        {
            Department = "brp",
            Counts = new AuditCounts(2, 1, 1, 0, 0),
            Fields = ["adres"],
        };

        var record = log.Append(entry);

        // An independent implementation of the encoding in AuditRecordCodec's documentation.
        using var expected = new MemoryStream();
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int32(bytes.Length);
            expected.Write(bytes);
        }

        void Int32(int value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, value);
            expected.Write(bytes);
        }

        void Int64(long value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            expected.Write(bytes);
        }

        Text("gso-audit-v1");
        Int64(1);
        Int64(clock.GetUtcNow().UtcTicks);
        Text("CN=coördinator");
        Text("content-release");
        Text("succeeded");
        expected.WriteByte(0);
        expected.WriteByte(1);
        Text("brp");
        expected.WriteByte(1);
        foreach (var count in new[] { 2, 1, 1, 0, 0 })
        {
            Int32(count);
        }

        expected.WriteByte(0);
        Int32(1);
        Text("adres");
        expected.Write(new byte[32]);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected.ToArray())), record.Hash);
    }
}

/// <summary>A clock that tests set, including backwards, as a system clock can step back.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
