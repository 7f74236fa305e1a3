namespace GsoHitService.Decisions;

/// <summary>
/// Which signatures a decision of one kind needs: one member of each required role, and at least
/// <see cref="MinimumSigners"/> distinct members in all.
/// </summary>
/// <param name="RequiredRoles">Roles of which one member each must sign.</param>
/// <param name="MinimumSigners">Number of distinct valid signers needed, including the required roles.</param>
public sealed record ThresholdPolicy(IReadOnlyList<CoreTeamRole> RequiredRoles, int MinimumSigners)
{
    /// <summary>Default for privacy check 1: the privacy officer and one other member.</summary>
    public static ThresholdPolicy PrivacyCheck1Default { get; } = new([CoreTeamRole.PrivacyOfficer], 2);

    /// <summary>Default for privacy check 2: the privacy officer and the jurist.</summary>
    public static ThresholdPolicy PrivacyCheck2Default { get; } = new([CoreTeamRole.PrivacyOfficer, CoreTeamRole.LegalAdviser], 2);

    /// <summary>Returns the policy for a kind from configured options, taking defaults for unset fields.</summary>
    public static ThresholdPolicy Resolve(DecisionKind kind, DecisionThresholdOptions? options)
    {
        var defaults = kind switch
        {
            DecisionKind.PrivacyCheck1 => PrivacyCheck1Default,
            DecisionKind.PrivacyCheck2 => PrivacyCheck2Default,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision kind."),
        };

        return new ThresholdPolicy(
            options?.RequiredRoles?.ToArray() ?? defaults.RequiredRoles,
            options?.MinimumSigners ?? defaults.MinimumSigners);
    }
}
