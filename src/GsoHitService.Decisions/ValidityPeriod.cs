namespace GsoHitService.Decisions;

/// <summary>
/// The period in which a decision may be used: from <see cref="From"/> (inclusive) until
/// <see cref="Until"/> (exclusive), both in UTC with whole seconds, because the canonical
/// encoding stores Unix seconds.
/// </summary>
public sealed record ValidityPeriod
{
    /// <summary>
    /// Creates a period; both ends are converted to UTC and truncated to whole seconds.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="until"/> is not later than <paramref name="from"/>.</exception>
    public ValidityPeriod(DateTimeOffset from, DateTimeOffset until)
    {
        From = TruncateToSeconds(from);
        Until = TruncateToSeconds(until);
        if (Until <= From)
        {
            throw new ArgumentException($"A validity period must end after it starts; got {From:O} until {Until:O}.", nameof(until));
        }
    }

    /// <summary>First moment at which the decision is valid (UTC).</summary>
    public DateTimeOffset From { get; }

    /// <summary>First moment at which the decision is no longer valid (UTC).</summary>
    public DateTimeOffset Until { get; }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
