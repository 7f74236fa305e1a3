namespace GsoHitService.Agent.Queries;

/// <summary>A signed kerngroep decision as it arrived with a request, not yet verified.</summary>
/// <param name="Payload">The canonical encoding that was signed.</param>
/// <param name="Signatures">Member id and 64-byte Ed25519 signature per signer.</param>
internal sealed record SignedDecisionEnvelope(
    ReadOnlyMemory<byte> Payload,
    IReadOnlyList<(string MemberId, ReadOnlyMemory<byte> Signature)> Signatures)
{
    /// <summary>Returns sizes only; a decision's payload names subjects.</summary>
    public override string ToString() => $"SignedDecisionEnvelope({Payload.Length} bytes, {Signatures.Count} signatures)";
}
