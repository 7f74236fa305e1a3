namespace GsoHitService.Matching.Tests;

/// <summary>Measures what a call allocates on the calling thread, averaged over many calls.</summary>
internal static class AllocationMeter
{
    /// <summary>
    /// Returns the bytes allocated per call of <paramref name="action"/>, after warm-up calls. The
    /// runtime itself allocates now and then on the thread (for example when it recompiles a hot
    /// method), which adds a few hundred bytes once; averaged over many calls that stays far below
    /// one byte, while an allocation in every call is at least 24 bytes.
    /// </summary>
    public static double BytesPerCall(Action action, int warmupCalls = 2_000, int measuredCalls = 20_000)
    {
        for (var i = 0; i < warmupCalls; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < measuredCalls; i++)
        {
            action();
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / measuredCalls;
    }
}
