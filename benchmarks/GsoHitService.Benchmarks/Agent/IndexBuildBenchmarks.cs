using BenchmarkDotNet.Attributes;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;
using Microsoft.Extensions.Logging.Abstractions;

namespace GsoHitService.Benchmarks.Agent;

/// <summary>
/// A full index load of one million records with three identifiers each: reading the source,
/// computing three million keyed-hash tokens on every core and building the exact index. Budget:
/// at most 2 s on 2 cores, and at most 40 bytes of index memory per token.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    private SyntheticDepartment _department = null!;
    private MatchingKey _key = null!;
    private MatchTokenizer _tokenizer = null!;
    private IndexLoader _loader = null!;
    private MatchToken[] _tokens = [];

    [Params(1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _department = new SyntheticDepartment(Records);
        _key = MatchingKey.Generate("benchmark");
        _tokenizer = new MatchTokenizer(_key);
        _loader = new IndexLoader(new AgentSources([_department]), _tokenizer, TimeProvider.System, NullLogger<IndexLoader>.Instance);
        _tokens = [.. _department.Records.SelectMany(record => record.Identifiers).Select(_tokenizer.ComputeToken)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var index = Build();
        Console.WriteLine($"// Index memory: {index.MemoryBytes} bytes for {index.Count} tokens = {(double)index.MemoryBytes / index.Count:F2} bytes per token");
        _tokenizer.Dispose();
        _key.Dispose();
    }

    [Benchmark(Description = "Load: read, tokenize, build")]
    public async Task<int> Load()
    {
        var loaded = await _loader.LoadAsync(CancellationToken.None);
        return loaded.Index.Count;
    }

    [Benchmark(Description = "Build only, tokens given")]
    public int BuildOnly() => Build().Count;

    private TokenIndex Build()
    {
        var builder = new TokenIndexBuilder();
        builder.AddRange(_tokens);
        return builder.Build();
    }
}
