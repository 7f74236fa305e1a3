using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso pc2 prepare</c>: has the coordinator prepare a privacy check 2 decision (which
/// fields one department may release about which subjects of a case, to whom) and writes it to a
/// decision file that the kerngroep members sign.
/// </summary>
internal static class PrivacyCheck2Command
{
    internal static Command Create()
    {
        var command = new Command("pc2", SignalStrings.PrivacyCheck2CommandDescription);
        command.Subcommands.Add(CreatePrepare());
        return command;
    }

    private static Command CreatePrepare()
    {
        var caseOption = new Option<string>("--casus") { Description = SignalStrings.CaseOptionDescription, HelpName = HelpNameStrings.Case, Required = true };
        var departmentOption = new Option<string>("--afdeling") { Description = SignalStrings.Pc2DepartmentOptionDescription, HelpName = HelpNameStrings.Department, Required = true };
        var subjectOption = new Option<string[]>("--betrokkene") { Description = SignalStrings.Pc2SubjectOptionDescription, HelpName = HelpNameStrings.Subject, Required = true, Arity = ArgumentArity.OneOrMore };
        var fieldOption = new Option<string[]>("--veld") { Description = SignalStrings.FieldOptionDescription, HelpName = HelpNameStrings.Field, Required = true, Arity = ArgumentArity.OneOrMore };
        var recipientOption = new Option<string[]>("--ontvanger") { Description = SignalStrings.RecipientOptionDescription, HelpName = HelpNameStrings.Member, Required = true, Arity = ArgumentArity.OneOrMore };
        var decisionOptions = new DecisionRequestOptions();
        var connection = new ConnectionOptions();

        var command = new Command("prepare", SignalStrings.Pc2PrepareDescription) { caseOption, departmentOption, subjectOption, fieldOption, recipientOption };
        decisionOptions.AddTo(command);
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var subjects = PrivacyCheck1Command.Distinct(parseResult.GetValue(subjectOption));
            var fields = PrivacyCheck1Command.Distinct(parseResult.GetValue(fieldOption));
            var recipients = PrivacyCheck1Command.Distinct(parseResult.GetValue(recipientOption));
            if (subjects.Length == 0 || fields.Length == 0 || recipients.Length == 0)
            {
                throw new CoordinatorCommandException(ExitCodes.UsageError, SignalStrings.Pc2ListEmpty);
            }

            var (from, until) = ValidityInput.Read(parseResult.GetValue(decisionOptions.ValidFrom), parseResult.GetRequiredValue(decisionOptions.ValidUntil), context.TimeProvider);
            var request = new PreparePrivacyCheck2Request
            {
                CaseId = parseResult.GetRequiredValue(caseOption),
                Department = parseResult.GetRequiredValue(departmentOption).Trim(),
                SubjectIds = { subjects },
                Fields = { fields },
                Recipients = { recipients },
                Purpose = parseResult.GetRequiredValue(decisionOptions.Purpose),
                LegalBasis = parseResult.GetRequiredValue(decisionOptions.LegalBasis),
                ValidFrom = Timestamp.FromDateTimeOffset(from),
                ValidUntil = Timestamp.FromDateTimeOffset(until),
            };

            var prepared = await context.Client.PreparePrivacyCheck2Async(request, context.CallOptions());
            PreparedDecisionFile.Save(
                prepared,
                parseResult.GetValue(decisionOptions.OutputFile),
                decision => FindMismatch(decision, request, from, until),
                context.Output);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string? FindMismatch(Decision decision, PreparePrivacyCheck2Request request, DateTimeOffset from, DateTimeOffset until)
    {
        if (decision is not PrivacyCheck2Decision privacyCheck2)
        {
            return SignalStrings.MismatchKind;
        }

        if (privacyCheck2.CaseId != request.CaseId)
        {
            return SignalStrings.MismatchCase;
        }

        if (privacyCheck2.Department != request.Department)
        {
            return SignalStrings.MismatchDepartments;
        }

        if (!PreparedDecisionFile.SameSet(request.SubjectIds, privacyCheck2.Subjects.Select(subject => subject.SubjectRef)))
        {
            return SignalStrings.MismatchSubjects;
        }

        if (!PreparedDecisionFile.SameSet(request.Fields, privacyCheck2.Fields))
        {
            return SignalStrings.MismatchFields;
        }

        if (!PreparedDecisionFile.SameSet(request.Recipients, privacyCheck2.Recipients))
        {
            return SignalStrings.MismatchRecipients;
        }

        if (privacyCheck2.Validity.From != from || privacyCheck2.Validity.Until != until)
        {
            return SignalStrings.MismatchValidity;
        }

        if (!PreparedDecisionFile.SameText(request.Purpose, privacyCheck2.Purpose))
        {
            return SignalStrings.MismatchPurpose;
        }

        return PreparedDecisionFile.SameText(request.LegalBasis, privacyCheck2.LegalBasis) ? null : SignalStrings.MismatchLegalBasis;
    }
}
