using Microsoft.Extensions.Internal;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Lets MemoryCache expire entries on the same clock as the verifier, so that a test clock and the
/// cache agree on when a decision has expired.
/// </summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
