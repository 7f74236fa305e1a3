using System.CommandLine;
using Google.Protobuf;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso decision submit FILE</c>: sends a signed decision file to the coordinator, which records
/// the decision once its signatures meet the threshold policy.
/// </summary>
internal static class DecisionSubmitCommand
{
    internal static Command Create()
    {
        var fileArgument = new Argument<string>("besluitbestand") { Description = DecisionStrings.DecisionFileArgumentDescription, HelpName = HelpNameStrings.DecisionFile };
        var connection = new ConnectionOptions();

        var command = new Command("submit", SignalStrings.SubmitDescription) { fileArgument };
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var path = parseResult.GetRequiredValue(fileArgument);
            var (signed, decision) = DecisionFiles.LoadDecision(path);

            // Checked here so that an unsigned or expired file never leaves the machine.
            if (signed.Signatures.Count == 0)
            {
                throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.SubmitUnsigned, path));
            }

            if (context.TimeProvider.GetUtcNow() >= decision.Validity.Until)
            {
                throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.SubmitExpired, new LocalTimes(context.TimeProvider).Format(decision.Validity.Until)));
            }

            var wire = new Protocol.V1.SignedDecision { Payload = ByteString.CopyFrom(signed.Payload.Span) };
            wire.Signatures.AddRange(signed.Signatures.Select(signature => new Protocol.V1.DecisionSignature
            {
                MemberId = signature.MemberId,
                Signature = ByteString.CopyFrom(signature.Signature.Span),
            }));

            var recorded = await context.Client.SubmitSignedDecisionAsync(new SubmitSignedDecisionRequest { Decision = wire }, context.CallOptions());
            context.Output.WriteLine(SignalStrings.SubmitRecorded);
            DecisionViewWriter.Write(recorded, context.Output, new LocalTimes(context.TimeProvider), "  ");
            context.Output.WriteLine();
            context.Output.WriteLine(decision is GsoHitService.Decisions.PrivacyCheck1Decision privacyCheck1
                ? Messages.Format(SignalStrings.SubmitNextStepPrivacyCheck1, privacyCheck1.SignalId, recorded.DecisionId)
                : Messages.Format(SignalStrings.SubmitNextStepPrivacyCheck2, recorded.DecisionId));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
