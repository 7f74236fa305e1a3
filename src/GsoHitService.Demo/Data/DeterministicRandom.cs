namespace GsoHitService.Demo.Data;

/// <summary>
/// A seeded pseudo-random sequence that gives the same numbers on every .NET version, operating
/// system and processor, so that the demo exports are byte-identical everywhere.
/// </summary>
/// <remarks>
/// <see cref="Random"/> is not used because its seeded output is not promised to stay the same
/// across .NET versions for every method. This is SplitMix64 (Steele, Lea and Flood, "Fast
/// splittable pseudorandom number generators", OOPSLA 2014, with the finaliser constants that
/// Vigna published for it): a 64-bit counter advanced by the golden-ratio increment, then mixed.
/// It is not suitable for anything secret.
/// </remarks>
internal sealed class DeterministicRandom(ulong seed)
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += GoldenGamma;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Returns a uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Values below 2^64 mod n are rejected, so that every result is equally likely.
        var bound = (ulong)maxExclusive;
        var threshold = unchecked(0UL - bound) % bound;
        while (true)
        {
            var value = NextUInt64();
            if (value >= threshold)
            {
                return (int)(value % bound);
            }
        }
    }

    /// <summary>Returns a uniformly distributed integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minInclusive, maxExclusive);
        return minInclusive + Next(maxExclusive - minInclusive);
    }

    /// <summary>Returns true with a probability of <paramref name="percent"/> in 100.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>Returns one element of a non-empty list.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Returns a date in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public DateOnly NextDate(DateOnly from, DateOnly to) =>
        DateOnly.FromDayNumber(Next(from.DayNumber, to.DayNumber + 1));
}
