using System.Collections.Concurrent;
using GsoHitService.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// Rolling per-caller quota of match tokens, so that even an authorised caller cannot sweep the
/// identifier space (all valid BSNs) in a series of requests. The window is kept in 60 slots:
/// tokens count from the request until between 59/60 and 60/60 of the window later.
/// </summary>
/// <remarks>
/// Usage is kept per client-certificate thumbprint and is never evicted: a forgotten entry would
/// reset a caller's quota. Callers are limited to the certificate allow-list, so the table stays small.
/// Usage lives in memory only, so a restart of the agent resets every quota.
/// </remarks>
internal sealed class CallerQuota(IOptions<AgentOptions> options, TimeProvider timeProvider)
{
    private const int SlotCount = 60;

    private readonly ConcurrentDictionary<string, CallerUsage> _usage = new(StringComparer.Ordinal);

    /// <summary>Largest number of tokens per caller per window.</summary>
    public long MaxProbes => options.Value.Limits.MaxProbesPerCaller;

    public TimeSpan Window => options.Value.Limits.QuotaWindow;

    /// <summary>
    /// Counts <paramref name="probeCount"/> tokens against the caller's quota, unless that would
    /// exceed it; a refused request counts nothing.
    /// </summary>
    /// <param name="callerThumbprint">The caller's certificate thumbprint.</param>
    /// <param name="probeCount">Tokens in the request.</param>
    /// <param name="usedInWindow">Tokens the caller had used in the window before this request.</param>
    public bool TryConsume(string callerThumbprint, long probeCount, out long usedInWindow)
    {
        var slotLength = Window / SlotCount;
        var slot = timeProvider.GetUtcNow().UtcTicks / slotLength.Ticks;
        var usage = _usage.GetOrAdd(callerThumbprint, static _ => new CallerUsage());

        lock (usage)
        {
            usage.AdvanceTo(slot);
            usedInWindow = usage.Total;
            if (usedInWindow + probeCount > MaxProbes)
            {
                return false;
            }

            usage.Add(probeCount);
            return true;
        }
    }

    private sealed class CallerUsage
    {
        private readonly long[] _slots = new long[SlotCount];
        private long _currentSlot;

        public long Total { get; private set; }

        public void AdvanceTo(long slot)
        {
            if (slot <= _currentSlot)
            {
                return;
            }

            if (slot - _currentSlot >= SlotCount)
            {
                Array.Clear(_slots);
                Total = 0;
            }
            else
            {
                for (var expired = _currentSlot + 1; expired <= slot; expired++)
                {
                    Total -= _slots[expired % SlotCount];
                    _slots[expired % SlotCount] = 0;
                }
            }

            _currentSlot = slot;
        }

        public void Add(long probeCount)
        {
            _slots[_currentSlot % SlotCount] += probeCount;
            Total += probeCount;
        }
    }
}
