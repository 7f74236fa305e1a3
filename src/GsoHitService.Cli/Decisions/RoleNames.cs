using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;

namespace GsoHitService.Cli.Decisions;

/// <summary>Kerngroep roles as users name them on the command line and see them in output.</summary>
internal static class RoleNames
{
    /// <summary>Returns the role's name in the user's language.</summary>
    public static string Display(CoreTeamRole role) => role switch
    {
        CoreTeamRole.Chair => DecisionStrings.RoleChair,
        CoreTeamRole.InformationCoordinator => DecisionStrings.RoleInformationCoordinator,
        CoreTeamRole.LegalAdviser => DecisionStrings.RoleLegalAdviser,
        CoreTeamRole.PrivacyOfficer => DecisionStrings.RolePrivacyOfficer,
        _ => role.ToString(),
    };

    /// <summary>
    /// Parses a Dutch role name (with or without the diaeresis, with a space or a dash) or the
    /// English configuration name, ignoring case.
    /// </summary>
    public static bool TryParse(string? text, out CoreTeamRole role)
    {
        var key = (text ?? "").Trim().ToLowerInvariant().Replace('ö', 'o').Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        CoreTeamRole? parsed = key switch
        {
            "voorzitter" or "chair" => CoreTeamRole.Chair,
            "informatiecoordinator" => CoreTeamRole.InformationCoordinator,
            "jurist" or "legaladviser" => CoreTeamRole.LegalAdviser,
            "privacyofficer" => CoreTeamRole.PrivacyOfficer,
            _ => null,
        };

        role = parsed.GetValueOrDefault();
        return parsed is not null;
    }
}
