namespace GsoHitService.Decisions;

/// <summary>
/// Outcome of verifying a signed decision. The names are stable reason codes for audit logs and
/// operator messages; never rename or renumber them.
/// </summary>
public enum DecisionVerificationStatus
{
    /// <summary>The decision passed every check and its use has been recorded.</summary>
    Valid = 0,

    /// <summary>The payload is not a valid canonical decision encoding.</summary>
    Malformed = 1,

    /// <summary>The decision is of another kind than the request needs.</summary>
    WrongKind = 2,

    /// <summary>A signature names a member who is not in the roster.</summary>
    UnknownSigner = 3,

    /// <summary>A signature does not verify under the member's public key.</summary>
    InvalidSignature = 4,

    /// <summary>A member signed more than once.</summary>
    DuplicateSigner = 5,

    /// <summary>The valid signatures do not meet the threshold policy of the decision kind.</summary>
    ThresholdNotMet = 6,

    /// <summary>The validity period has not started yet.</summary>
    NotYetValid = 7,

    /// <summary>The validity period has ended.</summary>
    Expired = 8,

    /// <summary>The decision does not name this agent's department.</summary>
    DepartmentNotNamed = 9,

    /// <summary>The request covers something other than exactly what the decision approved.</summary>
    ScopeMismatch = 10,

    /// <summary>The decision was already used at this department.</summary>
    Replayed = 11,
}
