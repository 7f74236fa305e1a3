using Google.Protobuf.WellKnownTypes;
using GsoHitService.Cli.Queries;
using GsoHitService.Cli.Resources;
using GsoHitService.Cli.Signals;
using GsoHitService.Demo.Data;
using GsoHitService.Matching;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>The registered signal and the result of the hit query on it.</summary>
internal sealed record DemoQuery(Proto.RegisterSignalReply Signal, Proto.DecisionView PrivacyCheck1, Proto.HitQueryResult Result);

/// <summary>
/// The query half of the demo: registers the scenario's signal, records privacy check 1 for all
/// four departments, runs the hit query, prints the hit matrix and checks it against the scenario.
/// </summary>
internal static class DemoQuerySteps
{
    /// <exception cref="DemoFailedException">A call failed, or the matrix differs from the scenario.</exception>
    public static async Task<DemoQuery> RunAsync(DemoEnvironment environment, DemoScenario scenario, DemoProgress progress, CancellationToken cancellationToken)
    {
        var signal = await RegisterSignalAsync(environment, scenario, progress, cancellationToken);
        var decision = await RecordPrivacyCheck1Async(environment, scenario, signal, progress, cancellationToken);
        var result = await RunQueryAsync(environment, signal, decision, progress, cancellationToken);

        var mismatches = DemoMatrixCheck.Compare(result, scenario);
        if (mismatches.Count > 0)
        {
            throw new DemoFailedException(ExitCodes.Failure, DescribeMismatches(mismatches));
        }

        progress.Step(DemoText.Format(DemoStrings.StepMatrixChecked, scenario.Subjects.Count * scenario.Departments.Count));
        return new DemoQuery(signal, decision, result);
    }

    private static async Task<Proto.RegisterSignalReply> RegisterSignalAsync(
        DemoEnvironment environment, DemoScenario scenario, DemoProgress progress, CancellationToken cancellationToken)
    {
        // The same check as gso signal register, so the scenario's values are typed as a user types them.
        var validation = SubjectValidator.Validate([.. scenario.Subjects.Select(ToEntry)]);
        if (!validation.IsValid)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.ScenarioInvalid, string.Join("; ", validation.Problems)));
        }

        var request = new Proto.RegisterSignalRequest
        {
            Title = DemoStrings.SignalTitle,
            Reporter = DemoStrings.SignalReporter,
            Description = scenario.SignalDescription,
        };
        request.Subjects.AddRange(validation.Subjects);

        var signal = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.RegisterSignalAsync(request, options), cancellationToken);
        progress.Step(DemoText.Format(DemoStrings.StepSignalRegistered, signal.SignalId, signal.Subjects.Count));
        foreach (var subject in scenario.Subjects)
        {
            var types = subject.Identifiers.Select(identifier => IdentifierMessages.GetTypeName(identifier.Type)).Distinct();
            progress.Detail(DemoText.Format(DemoStrings.SubjectLine, subject.Label, string.Join(", ", types)));
        }

        return signal;
    }

    private static async Task<Proto.DecisionView> RecordPrivacyCheck1Async(
        DemoEnvironment environment, DemoScenario scenario, Proto.RegisterSignalReply signal, DemoProgress progress, CancellationToken cancellationToken)
    {
        var request = new Proto.PreparePrivacyCheck1Request
        {
            SignalId = signal.SignalId,
            Purpose = DemoStrings.PrivacyCheck1Purpose,
            LegalBasis = DemoStrings.PrivacyCheck1LegalBasis,
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        };

        // A scope without subject ids covers every subject of the signal.
        request.Scopes.AddRange(scenario.Departments.Select(department => new Proto.DepartmentScope { Department = department }));

        var prepared = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.PreparePrivacyCheck1Async(request, options), cancellationToken);
        progress.Step(DemoText.Format(DemoStrings.StepPrivacyCheck1Prepared, prepared.DecisionId));
        return await DemoDecisionSigning.SignAndSubmitAsync(prepared, environment.Kerngroep.PrivacyCheck1Signers, environment, progress, cancellationToken);
    }

    private static async Task<Proto.HitQueryResult> RunQueryAsync(
        DemoEnvironment environment, Proto.RegisterSignalReply signal, Proto.DecisionView decision, DemoProgress progress, CancellationToken cancellationToken)
    {
        var request = new Proto.RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = decision.DecisionId };
        var first = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.RunHitQueryAsync(request, options), cancellationToken);
        var connection = environment.Operator;
        var result = await DemoCalls.CallsAsync(
            connection,
            () => HitQueryPages.CompleteAsync(first, connection.Client, () => connection.CallOptions(cancellationToken)),
            cancellationToken);

        progress.Step(DemoText.Format(DemoStrings.StepQueryRun, result.QueryId));
        progress.Block(output => new HitMatrixRenderer(TimeProvider.System).Render(result, output));
        return result;
    }

    private static SubjectEntry ToEntry(DemoSubject subject) => new(
        subject.Label,
        subject.Kind == DemoSubjectKind.Organisation ? SubjectValidator.Organisation : SubjectValidator.Person,
        [.. subject.Identifiers.Select(identifier => new IdentifierEntry(IdentifierTypes.ToName(identifier.Type), identifier.Value, Line: null))]);

    private static string DescribeMismatches(IReadOnlyList<DemoMismatch> mismatches)
    {
        var lines = mismatches.Select(mismatch => DemoText.Format(
            DemoStrings.MismatchLine,
            mismatch.Subject,
            mismatch.Department,
            HitMatrixRenderer.CellText(mismatch.Expected),
            mismatch.Actual is { } actual ? HitMatrixRenderer.CellText(actual) : DemoStrings.MismatchMissingCell));
        return DemoText.FormatCount(mismatches.Count, DemoStrings.MatrixMismatchSingular, DemoStrings.MatrixMismatchPlural, mismatches.Count) + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
