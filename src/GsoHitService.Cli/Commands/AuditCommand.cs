using System.CommandLine;
using System.Globalization;
using GsoHitService.Audit;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso audit verify FILE</c>: checks an audit log's hash chain and prints a report for the
/// privacy officer. Exit code 0 when intact, 2 when broken or unreadable.
/// </summary>
internal static class AuditCommand
{
    internal static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = AuditStrings.VerifyFileDescription, HelpName = HelpNameStrings.File };
        var verify = new Command("verify", AuditStrings.VerifyDescription) { file };
        verify.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return Task.FromResult(Verify(parseResult.GetValue(file)!, output, error, cancellationToken));
        });

        return new Command("audit", AuditStrings.AuditDescription) { verify };
    }

    private static int Verify(FileInfo file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        AuditVerificationResult result;
        try
        {
            result = AuditLogVerifier.Verify(file.FullName, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            error.WriteLine(Format(AuditStrings.FileNotFound, file.FullName));
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(Format(AuditStrings.FileUnreadable, file.FullName, exception.Message));
            return ExitCodes.InvalidInput;
        }

        output.WriteLine(Format(AuditStrings.ReportFile, file.FullName));
        if (result.FirstBreak is not { } found)
        {
            output.WriteLine(Messages.FormatCount(result.EntriesChecked, AuditStrings.ReportIntactSingular, AuditStrings.ReportIntactPlural, result.EntriesChecked));
            output.WriteLine(Format(AuditStrings.ReportLastEntry, result.LastSequence, result.LastHash));
            output.WriteLine(AuditStrings.ReportTailNote);
            return ExitCodes.Success;
        }

        output.WriteLine(Messages.FormatCount(result.EntriesChecked, AuditStrings.ReportBrokenSingular, AuditStrings.ReportBrokenPlural, result.EntriesChecked));
        var reason = Describe(found);
        output.WriteLine(found.Sequence is { } sequence
            ? Format(AuditStrings.ReportBreakWithSequence, found.LineNumber, sequence, reason)
            : Format(AuditStrings.ReportBreakWithoutSequence, found.LineNumber, reason));
        return ExitCodes.InvalidInput;
    }

    private static string Describe(AuditLogBreak found) => found.Kind switch
    {
        AuditBreakKind.InvalidJson => AuditStrings.BreakInvalidJson,
        AuditBreakKind.InvalidEntry => AuditStrings.BreakInvalidEntry,
        AuditBreakKind.HashMismatch => AuditStrings.BreakHashMismatch,
        AuditBreakKind.BrokenLink => AuditStrings.BreakBrokenLink,
        AuditBreakKind.SequenceGap => Format(AuditStrings.BreakSequenceGap, found.Sequence ?? 0, found.ExpectedSequence),
        AuditBreakKind.TimeBackwards => AuditStrings.BreakTimeBackwards,
        AuditBreakKind.TruncatedLine => AuditStrings.BreakTruncatedLine,
        _ => found.Detail,
    };

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, format, arguments);
}
