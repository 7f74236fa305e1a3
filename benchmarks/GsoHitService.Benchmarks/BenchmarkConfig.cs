using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

[assembly: Config(typeof(GsoHitService.Benchmarks.BenchmarkConfig))]

namespace GsoHitService.Benchmarks;

/// <summary>
/// The one configuration of every suite, added to BenchmarkDotNet's default configuration:
/// allocations measured, operations per second shown, and the minimum and median next to the
/// mean, because the minimum is the figure least disturbed by other load on a shared machine. The default configuration already writes
/// GitHub Markdown tables to BenchmarkDotNet.Artifacts/results, the source of docs/benchmarks.md,
/// builds the suites in Release and refuses unoptimised assemblies.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
