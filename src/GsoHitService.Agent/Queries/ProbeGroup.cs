using GsoHitService.Matching;

namespace GsoHitService.Agent.Queries;

/// <summary>Match tokens of one identifier type, concatenated, as they arrived on the wire.</summary>
/// <param name="Type">The identifier type the tokens were computed for.</param>
/// <param name="Tokens">The tokens, 32 bytes each; the length is a non-zero multiple of 32.</param>
internal readonly record struct ProbeGroup(IdentifierType Type, ReadOnlyMemory<byte> Tokens)
{
    public int TokenCount => Tokens.Length / MatchToken.Length;

    /// <summary>Reads the token at <paramref name="position"/>.</summary>
    public MatchToken GetToken(int position) =>
        new(Tokens.Span.Slice(position * MatchToken.Length, MatchToken.Length));
}
