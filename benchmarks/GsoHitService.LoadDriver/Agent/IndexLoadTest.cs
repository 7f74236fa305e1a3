using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;
using GsoHitService.Sources;
using Microsoft.Extensions.Logging.Abstractions;

namespace GsoHitService.LoadDriver.Agent;

/// <summary>
/// Loads an index of made-up persons (a BSN, an address and a surname with birth date each)
/// several times and prints, per load, the wall-clock time and the CPU time the process used.
/// On a machine shared with other work the wall-clock time grows with the contention, while the
/// CPU time shows what a load costs.
/// </summary>
internal static class IndexLoadTest
{
    public static async Task<int> RunAsync(int records, int loads)
    {
        var source = new PersonsSource(records);
        using var key = MatchingKey.Generate("load-test");
        using var tokenizer = new MatchTokenizer(key);
        var loader = new IndexLoader(new AgentSources([source]), tokenizer, TimeProvider.System, NullLogger<IndexLoader>.Instance);
        var process = Process.GetCurrentProcess();

        Console.WriteLine($"{records:N0} records, 3 identifiers each, {Environment.ProcessorCount} cores, load average before: {ReadLoadAverage()}");
        for (var load = 0; load <= loads; load++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();

            var loaded = await loader.LoadAsync(CancellationToken.None);

            var wall = Stopwatch.GetElapsedTime(started);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var label = load == 0 ? "warm-up" : $"load {load}";
            Console.WriteLine(
                $"{label}: {loaded.Index.Count:N0} tokens, wall {wall.TotalMilliseconds:F0} ms, CPU {cpu.TotalMilliseconds:F0} ms, " +
                $"{(double)loaded.Index.MemoryBytes / loaded.Index.Count:F2} bytes per token, load average {ReadLoadAverage()}");
        }

        return 0;
    }

    private static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private sealed class PersonsSource : IDepartmentSource
    {
        private readonly MappedRecord[] _records;

        public PersonsSource(int count)
        {
            var noFields = new Dictionary<string, string>();
            _records = new MappedRecord[count];
            for (var i = 0; i < count; i++)
            {
                var number = i.ToString("D8", CultureInfo.InvariantCulture);
                _records[i] = new MappedRecord(
                    i + 1,
                    [
                        new CanonicalIdentifier(IdentifierType.Bsn, ["1" + number]),
                        new CanonicalIdentifier(IdentifierType.Address, [$"{1000 + (i % 9000)}AB", (1 + (i / 9000)).ToString(CultureInfo.InvariantCulture), "", ""]),
                        new CanonicalIdentifier(IdentifierType.SurnameBirthDate, ["", $"JANSEN{number}", $"19{50 + (i % 50)}0{1 + (i % 9)}1{i % 10}"]),
                    ],
                    noFields);
            }
        }

        public string Name => "persons";

        public IReadOnlyCollection<IdentifierType> IdentifierTypes { get; } = [IdentifierType.Bsn, IdentifierType.Address, IdentifierType.SurnameBirthDate];

        public IReadOnlyCollection<string> ReleasableFields => [];

        public IReadOnlyCollection<string> WatchedFiles => [];

        public async IAsyncEnumerable<MappedRecord> ReadAsync(ImportReport report, bool includeReleasableFields, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var record in _records)
            {
                report.CountRead();
                report.CountIndexed();
                yield return record;
            }
        }
    }
}
