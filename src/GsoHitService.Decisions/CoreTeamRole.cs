namespace GsoHitService.Decisions;

/// <summary>
/// Role of a kerngroep member. Threshold policies name roles, so a decision can require, for
/// example, the privacy officer's signature.
/// </summary>
public enum CoreTeamRole
{
    /// <summary>Voorzitter.</summary>
    Chair = 1,

    /// <summary>Informatiecoördinator: registers signals and runs queries.</summary>
    InformationCoordinator = 2,

    /// <summary>Jurist.</summary>
    LegalAdviser = 3,

    /// <summary>Privacy officer: owns the privacy checks.</summary>
    PrivacyOfficer = 4,
}
