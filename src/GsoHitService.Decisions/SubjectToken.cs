using GsoHitService.Matching;

namespace GsoHitService.Decisions;

/// <summary>
/// One match token with the identifier type it was computed from. Equal tokens of different types
/// are different subject tokens.
/// </summary>
public readonly record struct SubjectToken(IdentifierType Type, MatchToken Token)
{
    /// <summary>
    /// Splits a probe group (tokens of one type, concatenated as on the wire) into subject tokens.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 32 bytes.</exception>
    public static SubjectToken[] FromConcatenated(IdentifierType type, ReadOnlySpan<byte> tokens)
    {
        if (tokens.Length % MatchToken.Length != 0)
        {
            throw new ArgumentException($"A probe group is a whole number of {MatchToken.Length}-byte tokens; got {tokens.Length} bytes.", nameof(tokens));
        }

        var result = new SubjectToken[tokens.Length / MatchToken.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new SubjectToken(type, new MatchToken(tokens.Slice(i * MatchToken.Length, MatchToken.Length)));
        }

        return result;
    }

    /// <summary>Compares the type and all 32 token bytes.</summary>
    public bool Equals(SubjectToken other) => Type == other.Type && Token.Equals(other.Token);

    /// <summary>Hashes the type and the token prefix; tokens are uniformly distributed.</summary>
    public override int GetHashCode() => HashCode.Combine(Type, Token.Prefix);

    /// <summary>Returns the type name and the shortened token, the only form that may appear in logs.</summary>
    public override string ToString()
    {
        var typeName = Enum.IsDefined(Type) ? IdentifierTypes.ToName(Type) : ((byte)Type).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{typeName}:{Token.ToShortString()}";
    }
}
