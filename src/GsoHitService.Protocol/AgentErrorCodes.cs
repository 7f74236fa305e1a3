namespace GsoHitService.Protocol;

/// <summary>
/// Trailers that a department agent adds to a refused call, so that the coordinator and operators
/// can tell refusals apart without parsing the status message. Values never change meaning.
/// </summary>
public static class AgentErrorCodes
{
    /// <summary>Trailer with the reason code of a refusal, for example <c>decision-expired</c>.</summary>
    public const string ReasonTrailer = "gso-reason";

    /// <summary>Trailer with the id of the refused decision, when the agent could read it.</summary>
    public const string DecisionIdTrailer = "gso-decision-id";

    /// <summary>Prefix of every reason code about the signed decision; the rest is the verification status in kebab case.</summary>
    public const string DecisionReasonPrefix = "decision-";

    /// <summary>The request carried no signed decision.</summary>
    public const string ReasonDecisionMissing = "decision-missing";
}
