using System.CommandLine;
using Grpc.Core;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Cli.Signals;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso signal register</c> and <c>gso signal show</c>: the information coordinator registers a
/// signal with its subjects, and looks up what has been recorded for it.
/// </summary>
internal static class SignalCommand
{
    internal static Command Create()
    {
        var command = new Command("signal", SignalStrings.SignalCommandDescription);
        command.Subcommands.Add(CreateRegister());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Command CreateRegister()
    {
        var titleOption = new Option<string>("--titel") { Description = SignalStrings.TitleOptionDescription, HelpName = HelpNameStrings.Text, Required = true };
        var reporterOption = new Option<string>("--melder") { Description = SignalStrings.ReporterOptionDescription, HelpName = HelpNameStrings.Text, Required = true };
        var descriptionOption = new Option<string>("--omschrijving") { Description = SignalStrings.DescriptionOptionDescription, HelpName = HelpNameStrings.Text };
        var subjectsOption = new Option<string>("--betrokkenen")
        {
            Description = SignalStrings.SubjectsOptionDescription,
            HelpName = HelpNameStrings.File,
            Required = true,
        };
        var connection = new ConnectionOptions();

        var command = new Command("register", SignalStrings.RegisterDescription) { titleOption, reporterOption, descriptionOption, subjectsOption };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, context =>
        {
            var request = new RegisterSignalRequest
            {
                Title = parseResult.GetRequiredValue(titleOption).Trim(),
                Reporter = parseResult.GetRequiredValue(reporterOption).Trim(),
                Description = parseResult.GetValue(descriptionOption)?.Trim() ?? "",
            };
            return RegisterAsync(request, parseResult.GetRequiredValue(subjectsOption), context);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RegisterAsync(RegisterSignalRequest request, string subjectsPath, CoordinatorCommandContext context)
    {
        if (request.Title.Length == 0)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, SignalStrings.TitleEmpty);
        }

        if (request.Reporter.Length == 0)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, SignalStrings.ReporterEmpty);
        }

        var validation = SubjectValidator.Validate(SubjectsFile.Read(subjectsPath));
        if (!validation.IsValid)
        {
            context.Error.WriteLine(Messages.Format(SignalStrings.SubjectsRejected, subjectsPath, validation.Problems.Count));
            foreach (var problem in validation.Problems)
            {
                context.Error.WriteLine("  - " + problem);
            }

            return ExitCodes.InvalidInput;
        }

        request.Subjects.AddRange(validation.Subjects);
        RegisterSignalReply reply;
        try
        {
            reply = await context.Client.RegisterSignalAsync(request, context.CallOptions());
        }
        catch (RpcException exception) when (CoordinatorErrors.IsIdentifierRefusal(exception))
        {
            // The local check uses the same rules, so this means the coordinator runs other rules
            // (another normaliser profile). The label points the user to the subject.
            var described = CoordinatorErrors.DescribeInvalidIdentifier(
                exception.Trailers,
                index => index >= 0 && index < request.Subjects.Count ? request.Subjects[index].Label : null);
            context.Error.WriteLine(described);
            return ExitCodes.InvalidInput;
        }

        context.Output.WriteLine(Messages.Format(SignalStrings.Registered, reply.SignalId));
        context.Output.WriteLine();
        WriteSubjects(reply.Subjects, context.Output);
        context.Output.WriteLine();
        context.Output.WriteLine(Messages.Format(SignalStrings.RegisteredNextStep, reply.SignalId));
        return ExitCodes.Success;
    }

    private static Command CreateShow()
    {
        var signalArgument = new Argument<string>("SIGNAAL") { Description = SignalStrings.SignalArgumentDescription, HelpName = HelpNameStrings.Signal };
        var connection = new ConnectionOptions();

        var command = new Command("show", SignalStrings.ShowDescription) { signalArgument };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var request = new GetSignalRequest { SignalId = parseResult.GetRequiredValue(signalArgument) };
            var signal = await context.Client.GetSignalAsync(request, context.CallOptions());
            WriteSignal(signal, context.Output, new LocalTimes(context.TimeProvider));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void WriteSignal(SignalView signal, TextWriter output, LocalTimes times)
    {
        new LabelledLines()
            .Add(SignalStrings.LabelSignal, signal.SignalId)
            .Add(SignalStrings.LabelTitle, signal.Title)
            .Add(SignalStrings.LabelRegisteredAt, signal.RegisteredAt is null ? CoordinatorStrings.None : times.Format(signal.RegisteredAt))
            .Add(SignalStrings.LabelCase, signal.CaseId.Length == 0 ? SignalStrings.NoCase : signal.CaseId)
            .Write(output);

        output.WriteLine();
        WriteSubjects(signal.Subjects, output);

        output.WriteLine();
        output.WriteLine(Messages.Format(SignalStrings.DecisionsHeader, signal.Decisions.Count));
        foreach (var decision in signal.Decisions)
        {
            DecisionViewWriter.Write(decision, output, times, "  ");
            output.WriteLine();
        }

        if (signal.Decisions.Count == 0)
        {
            output.WriteLine("  " + SignalStrings.NoDecisions);
            output.WriteLine();
        }

        output.WriteLine(Messages.Format(SignalStrings.QueriesHeader, signal.QueryIds.Count));
        foreach (var queryId in signal.QueryIds)
        {
            output.WriteLine("  " + queryId);
        }

        if (signal.QueryIds.Count == 0)
        {
            output.WriteLine("  " + SignalStrings.NoQueries);
        }
    }

    /// <summary>Lists subjects with their ids and identifier types. The coordinator returns no identifier values.</summary>
    private static void WriteSubjects(IReadOnlyCollection<SubjectView> subjects, TextWriter output)
    {
        output.WriteLine(Messages.Format(SignalStrings.SubjectsHeader, subjects.Count));
        var table = new TextTable(SignalStrings.ColumnLabel, SignalStrings.ColumnKind, SignalStrings.ColumnSubjectId, SignalStrings.ColumnIdentifierTypes);
        foreach (var subject in subjects)
        {
            table.AddRow(subject.Label, subject.Kind, subject.SubjectId, WireNames.TypeNames(subject.IdentifierTypes));
        }

        table.Write(output, "  ");
    }
}
