namespace GsoHitService.Decisions;

/// <summary>
/// A decision payload that is not a valid canonical encoding. The message names the field and the
/// rule it broke; it never contains identifiers or text from the payload.
/// </summary>
public sealed class DecisionFormatException(DecisionFormatError error, string message) : Exception(message)
{
    /// <summary>The rule that the payload broke.</summary>
    public DecisionFormatError Error { get; } = error;
}
