using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// Shows a decision that the coordinator prepared, as <c>gso decision show</c> does, has the demo
/// members sign its payload and submits it, which records it at the coordinator.
/// </summary>
internal static class DemoDecisionSigning
{
    /// <returns>The decision as the coordinator recorded it.</returns>
    /// <exception cref="DemoFailedException">The payload is unreadable, or the coordinator refused the signed decision.</exception>
    public static async Task<Proto.DecisionView> SignAndSubmitAsync(
        Proto.PreparedDecision prepared,
        IReadOnlyList<MemberSigningKey> signers,
        DemoEnvironment environment,
        DemoProgress progress,
        CancellationToken cancellationToken)
    {
        Decision decision;
        try
        {
            decision = DecisionEncoding.Decode(prepared.Payload.Span);
        }
        catch (DecisionFormatException exception)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.DecisionUnreadable, prepared.DecisionId), exception);
        }

        progress.Block(output => DecisionRenderer.Render(decision, [], output));

        var signed = DemoKerngroep.Sign(prepared.Payload, signers);
        var recorded = await DemoCalls.CallAsync(
            environment.Operator,
            (client, options) => client.SubmitSignedDecisionAsync(new Proto.SubmitSignedDecisionRequest { Decision = signed }, options),
            cancellationToken);

        progress.Step(DemoText.Format(DemoStrings.StepDecisionSigned, string.Join(", ", signers.Select(DemoText.Member)), recorded.DecisionId));
        return recorded;
    }
}
