using System.Buffers.Binary;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// A subject token as numbers that compare like its 33 canonical bytes (type byte, then the token
/// bytes), so that sorting millions of probes needs no byte copies per comparison.
/// </summary>
internal readonly struct TokenSortKey : IComparable<TokenSortKey>, IEquatable<TokenSortKey>
{
    public const int EncodedLength = 1 + MatchToken.Length;

    private readonly ulong _part0;
    private readonly ulong _part1;
    private readonly ulong _part2;
    private readonly ulong _part3;

    public TokenSortKey(SubjectToken token)
    {
        Type = token.Type;

        Span<byte> bytes = stackalloc byte[MatchToken.Length];
        token.Token.CopyTo(bytes);
        _part0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _part1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _part2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _part3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public IdentifierType Type { get; }

    /// <summary>Writes the type byte and the 32 token bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], _part0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[9..], _part1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[17..], _part2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[25..], _part3);
    }

    public int CompareTo(TokenSortKey other)
    {
        var result = Type.CompareTo(other.Type);
        if (result == 0)
        {
            result = _part0.CompareTo(other._part0);
        }

        if (result == 0)
        {
            result = _part1.CompareTo(other._part1);
        }

        if (result == 0)
        {
            result = _part2.CompareTo(other._part2);
        }

        if (result == 0)
        {
            result = _part3.CompareTo(other._part3);
        }

        return result;
    }

    public bool Equals(TokenSortKey other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is TokenSortKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, _part0);

    /// <summary>Sorts the tokens in canonical order and removes duplicates.</summary>
    public static TokenSortKey[] SortDistinct(IEnumerable<SubjectToken> tokens)
    {
        var keys = tokens.Select(token => new TokenSortKey(token)).ToArray();
        Array.Sort(keys);

        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (count == 0 || !keys[i].Equals(keys[count - 1]))
            {
                keys[count++] = keys[i];
            }
        }

        return keys[..count];
    }
}
