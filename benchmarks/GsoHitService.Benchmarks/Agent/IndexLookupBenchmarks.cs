using BenchmarkDotNet.Attributes;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;

namespace GsoHitService.Benchmarks.Agent;

/// <summary>
/// Lookups of 100,000 tokens, half of them held, in an index of three million tokens. Returns the
/// hit count so that the lookups cannot be optimised away.
/// </summary>
[MemoryDiagnoser]
public class IndexLookupBenchmarks
{
    private const int ProbeCount = 100_000;

    private TokenIndex _index = null!;
    private MatchToken[] _probes = [];

    [Params(3_000_000)]
    public int IndexedTokens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var bytes = new byte[MatchToken.Length];
        var builder = new TokenIndexBuilder();
        var held = new MatchToken[IndexedTokens];
        for (var i = 0; i < held.Length; i++)
        {
            random.NextBytes(bytes);
            held[i] = new MatchToken(bytes);
        }

        builder.AddRange(held);
        _index = builder.Build();

        _probes = new MatchToken[ProbeCount];
        for (var i = 0; i < ProbeCount; i++)
        {
            random.NextBytes(bytes);
            _probes[i] = i % 2 == 0 ? held[random.Next(held.Length)] : new MatchToken(bytes);
        }
    }

    [Benchmark(OperationsPerInvoke = ProbeCount, Description = "Contains, 50 % hits")]
    public int Contains()
    {
        var hits = 0;
        foreach (var probe in _probes)
        {
            if (_index.Contains(probe))
            {
                hits++;
            }
        }

        return hits;
    }
}
