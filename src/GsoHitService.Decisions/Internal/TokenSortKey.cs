using System.Buffers.Binary;
using System.Runtime.InteropServices;
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

        // Reads the token's bytes in place: a hit query verifies hundreds of thousands of them.
        var match = token.Token;
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<MatchToken>(in match));
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
        // Compared as bytes: Enum.CompareTo takes an object and would box both values.
        var result = ((byte)Type).CompareTo((byte)other.Type);
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
        SortByTypeThenBytes(keys);

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

    /// <summary>
    /// Sorts in the order of <see cref="CompareTo"/>. A hit query carries up to hundreds of
    /// thousands of tokens, and a comparison sort of whole keys made the sort the slowest step of
    /// verifying a decision. So the keys are grouped by type, and each large group is distributed
    /// into buckets by its first two token bytes (a counting sort). Match tokens are uniformly
    /// distributed, so a bucket contains a few keys, which are then sorted on the whole key.
    /// </summary>
    internal static void SortByTypeThenBytes(TokenSortKey[] keys)
    {
        GroupByType(keys);

        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end].Type == keys[start].Type)
            {
                end++;
            }

            SortGroup(keys.AsSpan(start, end - start));
            start = end;
        }
    }

    /// <summary>Orders the keys by type, keeping no particular order within a type (a counting sort).</summary>
    private static void GroupByType(TokenSortKey[] keys)
    {
        if (keys.Length < 2 || Array.TrueForAll(keys, key => key.Type == keys[0].Type))
        {
            return;
        }

        Span<int> starts = stackalloc int[byte.MaxValue + 2];
        foreach (var key in keys)
        {
            starts[(byte)key.Type + 1]++;
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        var grouped = new TokenSortKey[keys.Length];
        foreach (var key in keys)
        {
            grouped[starts[(byte)key.Type]++] = key;
        }

        grouped.CopyTo(keys, 0);
    }

    private static void SortGroup(Span<TokenSortKey> group)
    {
        // Below this size the bucket counts cost more than a comparison sort.
        const int BucketSortThreshold = 4_096;
        if (group.Length < BucketSortThreshold)
        {
            group.Sort();
            return;
        }

        const int BucketBits = 16;
        var starts = new int[(1 << BucketBits) + 1];
        foreach (var key in group)
        {
            starts[(int)(key._part0 >> (64 - BucketBits)) + 1]++;
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        var buckets = new TokenSortKey[group.Length];
        var next = (int[])starts.Clone();
        foreach (var key in group)
        {
            buckets[next[(int)(key._part0 >> (64 - BucketBits))]++] = key;
        }

        for (var bucket = 0; bucket < starts.Length - 1; bucket++)
        {
            var length = starts[bucket + 1] - starts[bucket];
            if (length > 1)
            {
                buckets.AsSpan(starts[bucket], length).Sort();
            }
        }

        buckets.CopyTo(group);
    }
}
