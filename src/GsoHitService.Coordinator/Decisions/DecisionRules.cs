using GsoHitService.Coordinator.Api;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Decision = GsoHitService.Coordinator.Domain.Decision;

namespace GsoHitService.Coordinator.Decisions;

/// <summary>Checks on a recorded decision before the coordinator acts under it.</summary>
internal static class DecisionRules
{
    /// <summary>Refuses a decision outside its validity (from inclusive, until exclusive), as agents do.</summary>
    public static void RequireValidNow(Decision decision, DateTimeOffset now)
    {
        if (now < decision.ValidFrom)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonDecisionNotYetValid,
                $"Decision {decision.Id} is valid from {decision.ValidFrom:u}.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
        }

        if (now >= decision.ValidUntil)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonDecisionExpired,
                $"Decision {decision.Id} expired at {decision.ValidUntil:u}; a new decision is needed.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
        }
    }

    /// <summary>Decodes the signed payload of a recorded privacy check 1 decision.</summary>
    /// <exception cref="InvalidOperationException">The recorded payload no longer decodes; the store was damaged.</exception>
    public static PrivacyCheck1Decision DecodePrivacyCheck1(Decision decision) =>
        Decode(decision) as PrivacyCheck1Decision
            ?? throw new InvalidOperationException($"The recorded payload of decision {decision.Id} is not a privacy check 1 decision.");

    /// <summary>Decodes the signed payload of a recorded privacy check 2 decision.</summary>
    /// <exception cref="InvalidOperationException">The recorded payload no longer decodes; the store was damaged.</exception>
    public static PrivacyCheck2Decision DecodePrivacyCheck2(Decision decision) =>
        Decode(decision) as PrivacyCheck2Decision
            ?? throw new InvalidOperationException($"The recorded payload of decision {decision.Id} is not a privacy check 2 decision.");

    /// <summary>
    /// Refuses a decision whose tokens were computed under another token scheme, normaliser profile or
    /// matching-key epoch than the coordinator's now: its tokens could never be asked again.
    /// </summary>
    public static void RequireCurrentTokenContext(Domain.DecisionId decisionId, TokenContext context, MatchTokenizer tokenizer)
    {
        var current = CurrentTokenContext(tokenizer);
        if (context != current)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonDecisionContextChanged,
                $"Decision {decisionId} was prepared under token scheme {context.TokenSchemeVersion}, normaliser profile {context.NormaliserProfile} " +
                $"and key epoch {context.KeyEpoch}, but the coordinator now uses {current.TokenSchemeVersion}, {current.NormaliserProfile} and " +
                $"{current.KeyEpoch}; prepare and sign a new decision.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decisionId.Value));
        }
    }

    /// <summary>The token context of the coordinator's build and matching key.</summary>
    public static TokenContext CurrentTokenContext(MatchTokenizer tokenizer) =>
        new(TokenScheme.Version, NormaliserProfile.Id, tokenizer.KeyEpoch);

    private static GsoHitService.Decisions.Decision Decode(Decision decision)
    {
        try
        {
            return DecisionEncoding.Decode(decision.Payload);
        }
        catch (DecisionFormatException exception)
        {
            throw new InvalidOperationException($"The recorded payload of decision {decision.Id} does not decode: {exception.Message}", exception);
        }
    }
}
