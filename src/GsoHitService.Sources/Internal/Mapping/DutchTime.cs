namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>Dates as they are in the Netherlands, whatever the time zone of the agent's machine.</summary>
internal static class DutchTime
{
    /// <summary>The zone Europe/Amsterdam. Windows without ICU finds it only by its Windows id.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(TimeProvider timeProvider) => ToDutchDate(timeProvider.GetUtcNow());

    public static DateOnly ToDutchDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone)
            || TimeZoneInfo.TryFindSystemTimeZoneById("W. Europe Standard Time", out zone))
        {
            return zone;
        }

        throw new InvalidOperationException("The time zone Europe/Amsterdam is not installed on this machine; install the time zone data (tzdata).");
    }
}
