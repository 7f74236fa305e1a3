namespace GsoHitService.Decisions;

/// <summary>State of one signature on a decision.</summary>
public enum SignatureState
{
    /// <summary>The signature verifies under the member's roster key.</summary>
    Valid,

    /// <summary>The member id is not in the roster.</summary>
    UnknownSigner,

    /// <summary>The signature does not verify under the member's roster key.</summary>
    InvalidSignature,

    /// <summary>An earlier signature has the same member id.</summary>
    Duplicate,
}

/// <summary>One signature on a decision and what the roster check found.</summary>
/// <param name="MemberId">Member id as the signature names it.</param>
/// <param name="Member">The roster member, or null when the id is not in the roster.</param>
/// <param name="State">Whether the signature counts.</param>
public sealed record SignatureOutcome(string MemberId, CoreTeamMember? Member, SignatureState State);

/// <summary>
/// Result of checking a decision's signatures against a roster and the threshold policy of its kind.
/// </summary>
/// <param name="Status">
/// <see cref="DecisionVerificationStatus.Valid"/>, or the first problem: <see cref="DecisionVerificationStatus.DuplicateSigner"/>,
/// <see cref="DecisionVerificationStatus.UnknownSigner"/>, <see cref="DecisionVerificationStatus.InvalidSignature"/>
/// (in signature order) or else <see cref="DecisionVerificationStatus.ThresholdNotMet"/>.
/// </param>
/// <param name="Signatures">Every signature in order, with its state.</param>
/// <param name="MissingRoles">Required roles that no valid signature covers.</param>
/// <param name="ValidSignerCount">Number of distinct members with a valid signature.</param>
/// <param name="Policy">The threshold policy that was applied.</param>
public sealed record SignatureCheckResult(
    DecisionVerificationStatus Status,
    IReadOnlyList<SignatureOutcome> Signatures,
    IReadOnlyList<CoreTeamRole> MissingRoles,
    int ValidSignerCount,
    ThresholdPolicy Policy)
{
    /// <summary>True when every signature is valid and the threshold is met.</summary>
    public bool IsValid => Status == DecisionVerificationStatus.Valid;
}
