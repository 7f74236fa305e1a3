using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GsoHitService.Matching;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// An exact, immutable set of match tokens: a sorted array of distinct 32-byte tokens plus a
/// directory that maps the top bits of a token's prefix to its bucket in the array. Nothing is
/// ever evicted, so a token that was added is always found. Thread-safe for any number of readers.
/// </summary>
/// <remarks>
/// Memory is 32 bytes per token for the array plus 4 bytes per bucket. The directory has between
/// one bucket per two and one bucket per four tokens (and at least two buckets), so the index
/// costs at most 34 bytes per token plus 12 bytes.
/// Match tokens are keyed-hash outputs, so their prefixes are uniform and a bucket contains about
/// three tokens. A lookup reads one directory entry and scans a few neighbouring tokens. Large
/// buckets (only possible with tokens that are not hash outputs) fall back to a binary search.
/// </remarks>
internal sealed class TokenIndex
{
    /// <summary>Buckets larger than this are binary-searched instead of scanned.</summary>
    private const int LinearScanLimit = 16;

    private readonly MatchToken[] _tokens;
    private readonly int[] _bucketStarts;
    private readonly int _bucketShift;

    private TokenIndex(MatchToken[] sortedDistinctTokens)
    {
        _tokens = sortedDistinctTokens;
        var bucketBits = GetBucketBits(sortedDistinctTokens.Length);
        _bucketShift = 64 - bucketBits;
        _bucketStarts = BuildDirectory(sortedDistinctTokens, bucketBits);
    }

    /// <summary>An index without tokens.</summary>
    public static TokenIndex Empty { get; } = new([]);

    /// <summary>Number of distinct tokens in the index.</summary>
    public int Count => _tokens.Length;

    /// <summary>Bytes held by the token array and the bucket directory.</summary>
    public long MemoryBytes => ((long)_tokens.Length * MatchToken.Length) + ((long)_bucketStarts.Length * sizeof(int));

    /// <summary>Checks whether the index contains a token with exactly these 32 bytes.</summary>
    public bool Contains(in MatchToken token)
    {
        var bucket = (int)(token.Prefix >> _bucketShift);
        var start = _bucketStarts[bucket];
        var end = _bucketStarts[bucket + 1];

        if (end - start > LinearScanLimit)
        {
            return BinarySearch(_tokens.AsSpan(start, end - start), token) >= 0;
        }

        var prefix = token.Prefix;
        for (var i = start; i < end; i++)
        {
            ref readonly var candidate = ref _tokens[i];
            if (candidate.Prefix > prefix)
            {
                return false;
            }

            if (candidate.Equals(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Creates an index over tokens that are already sorted by <see cref="Compare"/> and distinct.</summary>
    internal static TokenIndex FromSortedDistinct(MatchToken[] tokens) => new(tokens);

    /// <summary>
    /// Orders tokens by their four 64-bit parts, the first being <see cref="MatchToken.Prefix"/>,
    /// so that sorting by prefix and bucketing by the prefix's top bits agree.
    /// </summary>
    internal static int Compare(in MatchToken left, in MatchToken right)
    {
        var leftParts = AsParts(left);
        var rightParts = AsParts(right);
        for (var i = 0; i < leftParts.Length; i++)
        {
            var order = leftParts[i].CompareTo(rightParts[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>
    /// Gets the number of prefix bits that select a bucket: at least 1 (a shift by 64 would be
    /// a shift by 0 in C#), and enough for two to four tokens per bucket.
    /// </summary>
    internal static int GetBucketBits(long tokenCount)
    {
        var bits = 1;
        while (bits < 31 && (1L << bits) * 4 < tokenCount)
        {
            bits++;
        }

        return bits;
    }

    private static int[] BuildDirectory(MatchToken[] tokens, int bucketBits)
    {
        var bucketCount = 1 << bucketBits;
        var starts = new int[bucketCount + 1];
        var shift = 64 - bucketBits;

        // Tokens are sorted by prefix, so their buckets only go up: one pass fills every start.
        var next = 0;
        for (var bucket = 0; bucket < bucketCount; bucket++)
        {
            starts[bucket] = next;
            while (next < tokens.Length && (int)(tokens[next].Prefix >> shift) == bucket)
            {
                next++;
            }
        }

        starts[bucketCount] = tokens.Length;
        return starts;
    }

    private static int BinarySearch(ReadOnlySpan<MatchToken> tokens, in MatchToken token)
    {
        var low = 0;
        var high = tokens.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = Compare(tokens[middle], token);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<ulong> AsParts(in MatchToken token) =>
        MemoryMarshal.Cast<MatchToken, ulong>(new ReadOnlySpan<MatchToken>(in token));
}
