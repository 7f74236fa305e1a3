using BenchmarkDotNet.Running;

// Runs the suites chosen on the command line, for example:
// dotnet run -c Release --project benchmarks/GsoHitService.Benchmarks -- --filter '*TokenBenchmarks*'
// The assembly-wide BenchmarkConfig applies to every suite.
BenchmarkSwitcher.FromAssembly(typeof(GsoHitService.Benchmarks.BenchmarkConfig).Assembly).Run(args);
