using System.Diagnostics.Metrics;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// Counts the tokens that queries have looked up, as the metric <c>gso.agent.probes.checked</c>
/// and as a total for tests that check that cancelled work stops.
/// </summary>
internal class LookupProgress
{
    public const string MeterName = "GsoHitService.Agent";

    private readonly Counter<long> _probesChecked;
    private long _total;

    public LookupProgress(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _probesChecked = meter.CreateCounter<long>("gso.agent.probes.checked", unit: "{token}", description: "Match tokens looked up in the index.");
    }

    /// <summary>Tokens looked up since the agent started.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Called after each batch of lookups, before the query checks for cancellation.</summary>
    public virtual void OnBatchChecked(int probeCount, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _total, probeCount);
        _probesChecked.Add(probeCount);
    }
}
