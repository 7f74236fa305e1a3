namespace GsoHitService.Audit;

/// <summary>How the audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>The action was carried out.</summary>
    Succeeded,

    /// <summary>The action was refused on purpose, for example for a missing or replayed decision.</summary>
    Refused,

    /// <summary>The action was attempted and failed, for example because a source was unavailable.</summary>
    Failed,
}
