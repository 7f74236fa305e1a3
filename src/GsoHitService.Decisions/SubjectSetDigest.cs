using System.Buffers.Binary;
using System.Security.Cryptography;
using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions;

/// <summary>
/// The SHA-256 digest of a set of subject tokens, with the number of distinct tokens. A privacy
/// check 1 decision names one per department, and the agent computes one over the probes it
/// receives: equal digests mean that the request covers exactly the approved tokens.
/// </summary>
/// <remarks>
/// The hashed bytes are the ASCII domain label <c>GSO-HIT-SUBJECT-SET</c>, a zero byte, the format
/// version (1), the distinct token count as a 32-bit big-endian number, then per token its
/// identifier type byte and its 32 bytes, sorted by type and then by token bytes. Duplicates are
/// counted once, so the order and repetition of probes do not change the digest.
/// </remarks>
public sealed class SubjectSetDigest : IEquatable<SubjectSetDigest>
{
    /// <summary>Length of the digest in bytes.</summary>
    public const int Length = 32;

    /// <summary>Version of the hashed encoding.</summary>
    public const byte FormatVersion = 1;

    private static readonly byte[] DomainLabel = "GSO-HIT-SUBJECT-SET\0"u8.ToArray();

    private readonly byte[] _hash;

    /// <summary>Creates a digest from its 32 hash bytes and the token count it was computed over.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The token count is negative.</exception>
    public SubjectSetDigest(ReadOnlySpan<byte> hash, int tokenCount)
    {
        if (hash.Length != Length)
        {
            throw new ArgumentException($"A subject set digest is {Length} bytes; got {hash.Length}.", nameof(hash));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(tokenCount);
        _hash = hash.ToArray();
        TokenCount = tokenCount;
    }

    /// <summary>The SHA-256 hash bytes.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <summary>Number of distinct subject tokens in the set.</summary>
    public int TokenCount { get; }

    /// <summary>
    /// Computes the digest of a token set. Order and duplicates do not matter.
    /// </summary>
    public static SubjectSetDigest Compute(IEnumerable<SubjectToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);

        var keys = TokenSortKey.SortDistinct(tokens);
        return Compute(keys);
    }

    internal static SubjectSetDigest Compute(ReadOnlySpan<TokenSortKey> sortedDistinctKeys)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(DomainLabel);

        Span<byte> header = stackalloc byte[5];
        header[0] = FormatVersion;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], checked((uint)sortedDistinctKeys.Length));
        hash.AppendData(header);

        // Hashing in blocks of tokens keeps the per-call overhead of IncrementalHash small.
        const int TokensPerBlock = 128;
        Span<byte> block = stackalloc byte[TokensPerBlock * TokenSortKey.EncodedLength];
        for (var start = 0; start < sortedDistinctKeys.Length; start += TokensPerBlock)
        {
            var count = Math.Min(TokensPerBlock, sortedDistinctKeys.Length - start);
            for (var i = 0; i < count; i++)
            {
                sortedDistinctKeys[start + i].WriteTo(block[(i * TokenSortKey.EncodedLength)..]);
            }

            hash.AppendData(block[..(count * TokenSortKey.EncodedLength)]);
        }

        Span<byte> digest = stackalloc byte[Length];
        hash.GetHashAndReset(digest);
        return new SubjectSetDigest(digest, sortedDistinctKeys.Length);
    }

    /// <summary>Returns the hash as 64 lower-case hex digits.</summary>
    public string ToHex() => Convert.ToHexStringLower(_hash);

    /// <summary>Returns the first 8 hex digits, for logs and for comparing by eye.</summary>
    public string ToShortString() => ToHex()[..8];

    /// <summary>Compares the hash bytes and the token count.</summary>
    public bool Equals(SubjectSetDigest? other) =>
        other is not null && TokenCount == other.TokenCount && CryptographicOperations.FixedTimeEquals(_hash, other._hash);

    public override bool Equals(object? obj) => Equals(obj as SubjectSetDigest);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_hash);

    public override string ToString() => $"{ToShortString()} ({TokenCount} tokens)";
}
