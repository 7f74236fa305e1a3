using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Queries;

/// <summary>
/// A department's outcome as users read it: "beantwoord", "niet beschikbaar: …", "geweigerd: …",
/// "time-out", "afgebroken" or "versieverschil: …".
/// </summary>
/// <remarks>
/// The coordinator's reason starts with a stable code and a colon, followed by a Dutch
/// explanation. Dutch output shows that explanation, because it can be more specific than a text
/// per code. Other languages show the text per code, so that no Dutch appears in English output.
/// </remarks>
internal static class DepartmentOutcomeText
{
    public static string Describe(DepartmentQueryOutcome outcome)
    {
        if (IsInProgress(outcome))
        {
            return HitMatrixStrings.OutcomeInProgress;
        }

        var label = outcome.Outcome switch
        {
            DepartmentOutcome.Answered => HitMatrixStrings.OutcomeAnswered,
            DepartmentOutcome.Unavailable => HitMatrixStrings.OutcomeUnavailable,
            DepartmentOutcome.Refused => HitMatrixStrings.OutcomeRefused,
            DepartmentOutcome.DeadlineExceeded => HitMatrixStrings.OutcomeDeadlineExceeded,
            DepartmentOutcome.Cancelled => HitMatrixStrings.OutcomeCancelled,
            DepartmentOutcome.VersionMismatch => HitMatrixStrings.OutcomeVersionMismatch,
            _ => HitMatrixStrings.OutcomeUnknown,
        };

        var reason = outcome.Outcome == DepartmentOutcome.Answered ? null : ReasonText(outcome.Reason);
        return string.IsNullOrEmpty(reason) ? label : Messages.Format(HitMatrixStrings.OutcomeWithReason, label, reason);
    }

    /// <summary>Returns whether the department is still being asked: the query has not completed.</summary>
    public static bool IsInProgress(DepartmentQueryOutcome outcome) =>
        outcome.Outcome == DepartmentOutcome.Unspecified && DepartmentOutcomeReasons.GetCode(outcome.Reason) == DepartmentOutcomeReasons.QueryInProgress;

    /// <summary>The reason as users read it, or null when there is none.</summary>
    public static string? ReasonText(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var code = DepartmentOutcomeReasons.GetCode(reason);
        var explanation = code is null ? reason.Trim() : reason[(code.Length + 1)..].Trim();
        var ownText = code is null ? null : TextForCode(code);

        if (ownText is not null && (explanation.Length == 0 || HitMatrixStrings.Language != "nl"))
        {
            return ownText;
        }

        // An unknown code without explanation is still shown, because an operator can look it up.
        return explanation.Length > 0 ? explanation : reason.Trim();
    }

    private static string? TextForCode(string code) => code switch
    {
        DepartmentOutcomeReasons.AgentUnreachable => HitMatrixStrings.ReasonAgentUnreachable,
        DepartmentOutcomeReasons.AgentNotConfigured => HitMatrixStrings.ReasonAgentNotConfigured,
        DepartmentOutcomeReasons.AnswerMalformed => HitMatrixStrings.ReasonAnswerMalformed,
        DepartmentOutcomeReasons.DeadlineExceeded => HitMatrixStrings.ReasonDeadlineExceeded,
        DepartmentOutcomeReasons.Cancelled => HitMatrixStrings.ReasonCancelled,
        DepartmentOutcomeReasons.DecisionRejected => HitMatrixStrings.ReasonDecisionRejected,
        DepartmentOutcomeReasons.LimitReached => HitMatrixStrings.ReasonLimitReached,
        DepartmentOutcomeReasons.RequestRejected => HitMatrixStrings.ReasonRequestRejected,
        DepartmentOutcomeReasons.VersionMismatch => HitMatrixStrings.ReasonVersionMismatch,
        DepartmentOutcomeReasons.CoordinatorError => HitMatrixStrings.ReasonCoordinatorError,
        DepartmentOutcomeReasons.CoordinatorRestarted => HitMatrixStrings.ReasonCoordinatorRestarted,
        DepartmentOutcomeReasons.QueryInProgress => HitMatrixStrings.ReasonQueryInProgress,
        _ => null,
    };
}
