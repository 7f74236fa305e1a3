using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Cli.Signals;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso pc1 prepare</c>: has the coordinator prepare a privacy check 1 decision (which
/// departments may be asked about which subjects) and writes it to a decision file that the
/// kerngroep members sign.
/// </summary>
internal static class PrivacyCheck1Command
{
    internal static Command Create()
    {
        var command = new Command("pc1", SignalStrings.PrivacyCheck1CommandDescription);
        command.Subcommands.Add(CreatePrepare());
        return command;
    }

    private static Command CreatePrepare()
    {
        var signalOption = new Option<string>("--signaal") { Description = SignalStrings.SignalOptionDescription, HelpName = HelpNameStrings.Signal, Required = true };
        var departmentOption = new Option<string[]>("--afdeling")
        {
            Description = SignalStrings.DepartmentsOptionDescription,
            HelpName = HelpNameStrings.Department,
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var subjectOption = new Option<string[]>("--betrokkene") { Description = SignalStrings.Pc1SubjectOptionDescription, HelpName = HelpNameStrings.Subject };
        var typeOption = new Option<string[]>("--type") { Description = SignalStrings.TypeOptionDescription, HelpName = HelpNameStrings.IdentifierType };
        var decisionOptions = new DecisionRequestOptions();
        var connection = new ConnectionOptions();

        var command = new Command("prepare", SignalStrings.Pc1PrepareDescription) { signalOption, departmentOption, subjectOption, typeOption };
        decisionOptions.AddTo(command);
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var departments = Distinct(parseResult.GetValue(departmentOption));
            if (departments.Length == 0)
            {
                throw new CoordinatorCommandException(ExitCodes.UsageError, SignalStrings.DepartmentsEmpty);
            }

            var subjects = Distinct(parseResult.GetValue(subjectOption));
            var types = ParseTypes(parseResult.GetValue(typeOption) ?? []);
            var (from, until) = ValidityInput.Read(parseResult.GetValue(decisionOptions.ValidFrom), parseResult.GetRequiredValue(decisionOptions.ValidUntil), context.TimeProvider);

            var request = new PreparePrivacyCheck1Request
            {
                SignalId = parseResult.GetRequiredValue(signalOption),
                Purpose = parseResult.GetRequiredValue(decisionOptions.Purpose),
                LegalBasis = parseResult.GetRequiredValue(decisionOptions.LegalBasis),
                ValidFrom = Timestamp.FromDateTimeOffset(from),
                ValidUntil = Timestamp.FromDateTimeOffset(until),
            };

            // The same subjects for every department: a narrower scope per department is a separate decision.
            request.Scopes.AddRange(departments.Select(department => new DepartmentScope { Department = department, SubjectIds = { subjects } }));
            request.IdentifierTypes.AddRange(types.Select(SubjectValidator.ToWire));

            var prepared = await context.Client.PreparePrivacyCheck1Async(request, context.CallOptions());
            PreparedDecisionFile.Save(
                prepared,
                parseResult.GetValue(decisionOptions.OutputFile),
                decision => FindMismatch(decision, request, types, from, until),
                context.Output);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string? FindMismatch(Decision decision, PreparePrivacyCheck1Request request, IReadOnlyList<IdentifierType> types, DateTimeOffset from, DateTimeOffset until)
    {
        if (decision is not PrivacyCheck1Decision privacyCheck1)
        {
            return SignalStrings.MismatchKind;
        }

        if (privacyCheck1.SignalId != request.SignalId)
        {
            return SignalStrings.MismatchSignal;
        }

        if (!PreparedDecisionFile.SameSet(request.Scopes.Select(scope => scope.Department), privacyCheck1.Departments.Select(set => set.Department)))
        {
            return SignalStrings.MismatchDepartments;
        }

        if (types.Count > 0 && !types.ToHashSet().SetEquals(privacyCheck1.IdentifierTypes))
        {
            return SignalStrings.MismatchIdentifierTypes;
        }

        if (privacyCheck1.Validity.From != from || privacyCheck1.Validity.Until != until)
        {
            return SignalStrings.MismatchValidity;
        }

        if (!PreparedDecisionFile.SameText(request.Purpose, privacyCheck1.Purpose))
        {
            return SignalStrings.MismatchPurpose;
        }

        return PreparedDecisionFile.SameText(request.LegalBasis, privacyCheck1.LegalBasis) ? null : SignalStrings.MismatchLegalBasis;
    }

    private static List<IdentifierType> ParseTypes(string[] names)
    {
        var types = new List<IdentifierType>();
        foreach (var name in names)
        {
            if (!IdentifierTypes.TryParse(name, out var type))
            {
                throw new CoordinatorCommandException(ExitCodes.UsageError, Messages.Format(SignalStrings.TypeUnknown, name, string.Join(", ", IdentifierTypes.Names)));
            }

            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        return types;
    }

    internal static string[] Distinct(string[]? values) =>
        (values ?? []).Select(value => value.Trim()).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
