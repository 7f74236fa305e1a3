using GsoHitService.Audit;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Demo;

/// <summary>One audit log whose hash chain the demo checked.</summary>
/// <param name="Owner">The coordinator, or the agent's department.</param>
/// <param name="Path">The log file.</param>
/// <param name="EntriesChecked">The number of entries in the chain.</param>
internal sealed record DemoAuditLog(string Owner, string Path, long EntriesChecked);

/// <summary>
/// Checks the hash chain of every audit log that the run wrote, as <c>gso audit verify</c> does,
/// and fails the demo on the first broken or missing log.
/// </summary>
internal static class DemoAuditCheck
{
    /// <exception cref="DemoFailedException">A log is missing, unreadable or broken.</exception>
    public static IReadOnlyList<DemoAuditLog> Verify(IReadOnlyList<(string Owner, string Path)> logs, DemoProgress progress, CancellationToken cancellationToken)
    {
        progress.Step(DemoStrings.StepAudit);
        var checkedLogs = new List<DemoAuditLog>();
        foreach (var (owner, path) in logs)
        {
            AuditVerificationResult result;
            try
            {
                result = AuditLogVerifier.Verify(path, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.AuditUnreadable, owner, path, exception.Message), exception);
            }

            if (result.FirstBreak is { } found)
            {
                throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.AuditBroken, owner, path, found.LineNumber));
            }

            // The coordinator audits every step and each agent audits the query sent to it, so an
            // empty log means that a request went unaudited.
            if (result.EntriesChecked == 0)
            {
                throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.AuditEmpty, owner, path));
            }

            var ownerName = owner == DemoEnvironment.CoordinatorOwner ? DemoStrings.CoordinatorName : owner;
            progress.Detail(DemoText.FormatCount(result.EntriesChecked, DemoStrings.AuditIntactSingular, DemoStrings.AuditIntactPlural, ownerName, result.EntriesChecked));
            checkedLogs.Add(new DemoAuditLog(owner, path, result.EntriesChecked));
        }

        return checkedLogs;
    }
}
