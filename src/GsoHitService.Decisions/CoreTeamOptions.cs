namespace GsoHitService.Decisions;

/// <summary>
/// The kerngroep roster and threshold policy of one agent, bound from the configuration section
/// <see cref="SectionName"/> and validated at start-up by <see cref="CoreTeamOptionsValidator"/>.
/// Each department configures this itself; it never comes from the coordinator.
/// </summary>
public sealed class CoreTeamOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string SectionName = "CoreTeam";

    /// <summary>Kerngroep members whose signatures count. Required, at least one.</summary>
    public List<CoreTeamMemberOptions> Members { get; set; } = [];

    /// <summary>
    /// Threshold for privacy check 1. Unset fields take the default: the privacy officer and one
    /// other member.
    /// </summary>
    public DecisionThresholdOptions? PrivacyCheck1 { get; set; }

    /// <summary>
    /// Threshold for privacy check 2. Unset fields take the default: the privacy officer and the
    /// jurist.
    /// </summary>
    public DecisionThresholdOptions? PrivacyCheck2 { get; set; }

    /// <summary>
    /// How far a decision's start may lie in the future and still be accepted, for clocks that
    /// differ between coordinator and agent. The end of a decision gets no tolerance.
    /// Default 2 minutes; 0 to 10 minutes.
    /// </summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// One kerngroep member in the roster, as <c>gso member export-public</c> prints it.
/// </summary>
public sealed class CoreTeamMemberOptions
{
    /// <summary>Member id, 1 to 128 printable ASCII characters without spaces; unique in the roster.</summary>
    public string? Id { get; set; }

    /// <summary>The member's name (one line).</summary>
    public string? Name { get; set; }

    /// <summary>The member's role.</summary>
    public CoreTeamRole? Role { get; set; }

    /// <summary>The 32-byte Ed25519 public key in base64; unique in the roster.</summary>
    public string? PublicKey { get; set; }
}

/// <summary>
/// A threshold policy for one kind of decision as configured. Null fields take the kind's default.
/// </summary>
public sealed class DecisionThresholdOptions
{
    /// <summary>Roles of which one member each must sign. Replaces the default list when set.</summary>
    public List<CoreTeamRole>? RequiredRoles { get; set; }

    /// <summary>Number of distinct members who must sign, counting those of the required roles.</summary>
    public int? MinimumSigners { get; set; }
}
