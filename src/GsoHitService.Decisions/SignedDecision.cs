namespace GsoHitService.Decisions;

/// <summary>
/// One kerngroep member's Ed25519 signature over a decision payload.
/// </summary>
/// <param name="MemberId">Member id as the roster names it.</param>
/// <param name="Signature">The 64-byte Ed25519 signature.</param>
public sealed record DecisionSignature(string MemberId, ReadOnlyMemory<byte> Signature);

/// <summary>
/// A decision payload in the canonical encoding with the signatures collected so far. This is what
/// travels in a request to an agent and what a decision file contains.
/// </summary>
/// <param name="Payload">The canonical encoding that was signed.</param>
/// <param name="Signatures">Signatures in the order they were added.</param>
public sealed record SignedDecision(ReadOnlyMemory<byte> Payload, IReadOnlyList<DecisionSignature> Signatures)
{
    /// <summary>Creates an unsigned decision from a model.</summary>
    /// <exception cref="ArgumentException">The decision breaks an encoding rule.</exception>
    public static SignedDecision Create(Decision decision) => new(DecisionEncoding.Encode(decision), []);

    /// <summary>
    /// Returns a copy with <paramref name="signature"/> added, replacing an earlier signature of the
    /// same member.
    /// </summary>
    public SignedDecision WithSignature(DecisionSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);

        var signatures = Signatures
            .Where(existing => !string.Equals(existing.MemberId, signature.MemberId, StringComparison.Ordinal))
            .Append(signature)
            .ToArray();
        return this with { Signatures = signatures };
    }
}
