namespace GsoHitService.Decisions;

/// <summary>
/// Outcome of <see cref="DecisionVerifier"/>. Only a result with <see cref="IsValid"/> allows the
/// agent to reply.
/// </summary>
/// <param name="Status">Valid, or the stable reason code of the first check that failed.</param>
/// <param name="DecisionId">Id of the decision, or null when the payload could not be decoded.</param>
/// <param name="Decision">The decoded decision, or null when the payload could not be decoded.</param>
/// <param name="SignerIds">Ids of the members whose signatures are valid.</param>
/// <param name="Detail">English explanation for operator logs and audit records; contains ids and counts, never identifiers.</param>
public sealed record DecisionVerificationResult(
    DecisionVerificationStatus Status,
    string? DecisionId,
    Decision? Decision,
    IReadOnlyList<string> SignerIds,
    string Detail)
{
    /// <summary>True when the decision passed every check and its use is recorded.</summary>
    public bool IsValid => Status == DecisionVerificationStatus.Valid;

    /// <summary>
    /// Completes when the recorded use is on disk, and faults with an <see cref="IOException"/> when
    /// it cannot be flushed. The agent must wait for it before it replies, so that a restart never
    /// makes a decision that was answered usable again. Completed for a refused decision.
    /// </summary>
    public Task UseOnDisk { get; init; } = Task.CompletedTask;
}
