using System.Runtime.Versioning;
using GsoHitService.Decisions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Decisions.Tests;

public sealed class DecisionUseRecordTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Samples.Now);
    private readonly RecordingLogger<DecisionUseRecord> _logger = new();

    private string RecordPath => _folder.File("decision-uses.log");

    public void Dispose() => _folder.Dispose();

    private DecisionUseRecord Open() => DecisionUseRecord.Open(RecordPath, _time, _logger);

    [Fact]
    public void TryRecordUse_FirstUse_ReturnsTrue()
    {
        using var record = Open();

        Assert.True(record.TryRecordUse("besluit-1", Samples.Now.AddDays(1)));
    }

    [Fact]
    public void TryRecordUse_NoFlushPerUse_KeepsLine()
    {
        using (var record = DecisionUseRecord.Open(RecordPath, _time, _logger, flushEachUse: false))
        {
            Assert.True(record.TryRecordUse("besluit-1", Samples.Now.AddDays(1), out var onDisk));
            Assert.True(onDisk.IsCompletedSuccessfully);
            using var reader = new StreamReader(new FileStream(RecordPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.Contains("besluit-1 ", reader.ReadToEnd(), StringComparison.Ordinal);
        }

        using var reopened = Open();
        Assert.True(reopened.HasBeenUsed("besluit-1"));
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var record = DecisionUseRecord.Open(RecordPath, _time, _logger, flushEachUse: false);
        record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));

        record.Dispose();
        record.Dispose();

        Assert.DoesNotContain(_logger.Entries, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public void Restore_NewIds_CountAsUsed()
    {
        using var record = Open();
        record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));

        var restored = record.Restore(["besluit-1", "besluit-2", "besluit-2"], "audit.log");

        Assert.Equal(1, restored);
        Assert.True(record.HasBeenUsed("besluit-2"));
        Assert.False(record.TryRecordUse("besluit-2", Samples.Now.AddDays(1)));
    }

    [Fact]
    public void Restore_LongAfterStart_StillCountsAsUsed()
    {
        using var record = Open();
        record.Restore(["besluit-1"], "audit.log");

        _time.Advance(TimeSpan.FromDays(400));

        Assert.True(record.HasBeenUsed("besluit-1"));
    }

    [Fact]
    public void Restore_InvalidId_Throws()
    {
        using var record = Open();

        Assert.Throws<ArgumentException>(() => record.Restore(["besluit 1"], "audit.log"));
    }

    [Fact]
    public void TryRecordUse_SecondUse_ReturnsFalse()
    {
        using var record = Open();
        record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));

        Assert.False(record.TryRecordUse("besluit-1", Samples.Now.AddDays(1)));
    }

    [Fact]
    public void TryRecordUse_WritesLineBeforeReturning()
    {
        using var record = Open();

        record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));

        using var reader = new StreamReader(new FileStream(RecordPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Equal($"gso-decision-uses 1\nbesluit-1 {Samples.Now.AddDays(1).ToUnixTimeSeconds()} {Samples.Now.ToUnixTimeSeconds()}\n", reader.ReadToEnd());
    }

    [Fact]
    public async Task TryRecordUse_FlushInBackground_WritesLineAndCountsAsUsedAtOnce()
    {
        using var record = Open();

        var first = record.TryRecordUse("besluit-1", Samples.Now.AddDays(1), out var onDisk);
        var second = record.TryRecordUse("besluit-1", Samples.Now.AddDays(1), out var replayOnDisk);
        await onDisk;

        Assert.True(first);
        Assert.False(second);
        Assert.True(replayOnDisk.IsCompletedSuccessfully);
        using var reader = new StreamReader(new FileStream(RecordPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Equal($"gso-decision-uses 1\nbesluit-1 {Samples.Now.AddDays(1).ToUnixTimeSeconds()} {Samples.Now.ToUnixTimeSeconds()}\n", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryRecordUse_ConcurrentUses_AreAllKeptAcrossRestart()
    {
        using (var record = Open())
        {
            var flushes = new Task[64];
            var firstUses = new bool[64];
            Parallel.For(0, 64, i => firstUses[i] = record.TryRecordUse($"besluit-{i}", Samples.Now.AddDays(1), out flushes[i]));
            await Task.WhenAll(flushes);
            Assert.All(firstUses, Assert.True);
        }

        using var reopened = Open();

        Assert.All(Enumerable.Range(0, 64), i => Assert.True(reopened.HasBeenUsed($"besluit-{i}")));
    }

    [Fact]
    public void Open_AfterRestart_RemembersUse()
    {
        using (var record = Open())
        {
            record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));
        }

        using var reopened = Open();

        Assert.True(reopened.HasBeenUsed("besluit-1"));
        Assert.False(reopened.TryRecordUse("besluit-1", Samples.Now.AddDays(1)));
    }

    [Fact]
    public void Open_AfterExpiry_DropsEntryFromFile()
    {
        using (var record = Open())
        {
            record.TryRecordUse("besluit-1", Samples.Now.AddHours(1));
            record.TryRecordUse("besluit-2", Samples.Now.AddDays(3));
        }

        _time.Advance(TimeSpan.FromHours(2));
        using var reopened = Open();

        Assert.Equal(1, reopened.ActiveCount);
        Assert.False(reopened.HasBeenUsed("besluit-1"));
        Assert.DoesNotContain("besluit-1", File.ReadAllText(RecordPath), StringComparison.Ordinal);
    }

    [Fact]
    public void HasBeenUsed_AfterExpiry_ReturnsFalse()
    {
        using var record = Open();
        record.TryRecordUse("besluit-1", Samples.Now.AddHours(1));

        _time.Advance(TimeSpan.FromHours(1));

        Assert.False(record.HasBeenUsed("besluit-1"));
    }

    [Fact]
    public void Open_TornLastLine_IsDroppedWithWarning()
    {
        using (var record = Open())
        {
            record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));
        }

        File.AppendAllText(RecordPath, "besluit-2 17");
        using var reopened = Open();

        Assert.True(reopened.HasBeenUsed("besluit-1"));
        Assert.False(reopened.HasBeenUsed("besluit-2"));
        Assert.Contains(_logger.Entries, entry => entry.EventId.Name == "UseRecordTornLineDropped");
    }

    [Theory]
    [InlineData("besluit-2 17\n", 3)]
    [InlineData("besluit-2 abc 5\n", 3)]
    [InlineData("besluit 2 17 5\n", 3)]
    public void Open_DamagedLine_ThrowsNamingLine(string damagedLine, int lineNumber)
    {
        using (var record = Open())
        {
            record.TryRecordUse("besluit-1", Samples.Now.AddDays(1));
        }

        File.AppendAllText(RecordPath, damagedLine + $"besluit-3 {Samples.Now.AddDays(1).ToUnixTimeSeconds()} 0\n");

        var exception = Assert.Throws<InvalidDataException>(Open);
        Assert.Contains($"line {lineNumber}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongHeader_Throws()
    {
        File.WriteAllText(RecordPath, "iets anders\n");

        Assert.Throws<InvalidDataException>(Open);
    }

    [Fact]
    public void Open_RecordInUse_Throws()
    {
        using var first = Open();

        var exception = Assert.Throws<InvalidOperationException>(Open);

        Assert.Contains("another agent process", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterDispose_Succeeds()
    {
        Open().Dispose();

        using var second = Open();

        Assert.Equal(0, second.ActiveCount);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_NewRecord_IsReadableByOwnerOnly()
    {
        using var record = Open();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(RecordPath));
    }

    [Fact]
    public void TryRecordUse_InvalidId_Throws()
    {
        using var record = Open();

        Assert.Throws<ArgumentException>(() => record.TryRecordUse("met spatie", Samples.Now.AddDays(1)));
    }

    [Fact]
    public void Open_ManyUses_KeepsAllAcrossRestart()
    {
        using (var record = Open())
        {
            for (var i = 0; i < 500; i++)
            {
                record.TryRecordUse($"besluit-{i}", Samples.Now.AddDays(1));
            }
        }

        using var reopened = Open();

        Assert.Equal(500, reopened.ActiveCount);
    }
}
