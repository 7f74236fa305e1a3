namespace GsoHitService.Audit;

/// <summary>
/// Counts of a hit query: how many identifiers (match tokens) were asked and how they were
/// answered. Counts only, so that the log never holds an identifier.
/// </summary>
/// <param name="Asked">Identifiers in the request.</param>
/// <param name="Hits">Answered hit.</param>
/// <param name="NoHits">Answered no hit.</param>
/// <param name="NotHeld">Answered not held (identifier type not indexed).</param>
/// <param name="Unavailable">Answered unavailable.</param>
public sealed record AuditCounts(int Asked, int Hits, int NoHits, int NotHeld, int Unavailable)
{
    /// <summary>Counts of a request that was refused before any identifier was looked up.</summary>
    public static AuditCounts Refused(int asked) => new(asked, 0, 0, 0, 0);
}
