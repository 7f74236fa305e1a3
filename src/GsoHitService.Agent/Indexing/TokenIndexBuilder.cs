using GsoHitService.Matching;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Collects match tokens and builds a <see cref="TokenIndex"/>. Tokens are kept in fixed-size
/// chunks while they arrive, so that growing never copies the whole set. Not thread-safe.
/// </summary>
internal sealed class TokenIndexBuilder
{
    /// <summary>Tokens per chunk: 2 MiB, so that a chunk is one large-object-heap allocation.</summary>
    private const int ChunkLength = 65_536;

    private readonly List<MatchToken[]> _chunks = [];
    private int _lastChunkCount = ChunkLength;

    /// <summary>Number of tokens added so far, duplicates included.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one token.</summary>
    public void Add(in MatchToken token)
    {
        if (_lastChunkCount == ChunkLength)
        {
            _chunks.Add(new MatchToken[ChunkLength]);
            _lastChunkCount = 0;
        }

        _chunks[^1][_lastChunkCount++] = token;
        Count++;
    }

    /// <summary>Adds a batch of tokens.</summary>
    public void AddRange(ReadOnlySpan<MatchToken> tokens)
    {
        while (!tokens.IsEmpty)
        {
            if (_lastChunkCount == ChunkLength)
            {
                _chunks.Add(new MatchToken[ChunkLength]);
                _lastChunkCount = 0;
            }

            var count = Math.Min(tokens.Length, ChunkLength - _lastChunkCount);
            tokens[..count].CopyTo(_chunks[^1].AsSpan(_lastChunkCount));
            _lastChunkCount += count;
            Count += count;
            tokens = tokens[count..];
        }
    }

    /// <summary>
    /// Sorts the tokens, drops duplicates and returns the index. The builder is empty afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">More tokens than one array can hold.</exception>
    public TokenIndex Build()
    {
        if (Count > Array.MaxLength)
        {
            throw new InvalidOperationException($"An index can contain at most {Array.MaxLength} tokens, but {Count} were added. Split the department's sources over several agents.");
        }

        var sorted = BucketSort();
        var distinctCount = RemoveAdjacentDuplicates(sorted);
        if (distinctCount < sorted.Length)
        {
            // The index must cost 32 bytes per distinct token, not per token added.
            Array.Resize(ref sorted, distinctCount);
        }

        return TokenIndex.FromSortedDistinct(sorted);
    }

    /// <summary>
    /// Sorts by a counting sort on the prefix's top bits followed by an insertion sort of each
    /// small bucket: two linear passes instead of a comparison sort over millions of tokens.
    /// </summary>
    private MatchToken[] BucketSort()
    {
        var count = (int)Count;
        var bucketBits = TokenIndex.GetBucketBits(count);
        var shift = 64 - bucketBits;
        var bucketCount = 1 << bucketBits;

        var nextSlot = new int[bucketCount + 1];
        for (var chunk = 0; chunk < _chunks.Count; chunk++)
        {
            foreach (ref readonly var token in GetChunk(chunk))
            {
                nextSlot[(int)(token.Prefix >> shift) + 1]++;
            }
        }

        for (var bucket = 1; bucket <= bucketCount; bucket++)
        {
            nextSlot[bucket] += nextSlot[bucket - 1];
        }

        var bucketStarts = (int[])nextSlot.Clone();
        var sorted = new MatchToken[count];
        for (var chunk = 0; chunk < _chunks.Count; chunk++)
        {
            foreach (ref readonly var token in GetChunk(chunk))
            {
                sorted[nextSlot[(int)(token.Prefix >> shift)]++] = token;
            }
        }

        _chunks.Clear();
        _lastChunkCount = ChunkLength;
        Count = 0;

        // Buckets are independent, so ranges of them are sorted on all cores.
        var partitionCount = Math.Min(Environment.ProcessorCount, bucketCount);
        Parallel.For(0, partitionCount, partition =>
        {
            var first = (int)((long)bucketCount * partition / partitionCount);
            var last = (int)((long)bucketCount * (partition + 1) / partitionCount);
            for (var bucket = first; bucket < last; bucket++)
            {
                SortBucket(sorted.AsSpan(bucketStarts[bucket], bucketStarts[bucket + 1] - bucketStarts[bucket]));
            }
        });

        return sorted;
    }

    private static void SortBucket(Span<MatchToken> bucket)
    {
        if (bucket.Length > 32)
        {
            bucket.Sort(static (left, right) => TokenIndex.Compare(left, right));
            return;
        }

        for (var i = 1; i < bucket.Length; i++)
        {
            var token = bucket[i];
            var j = i - 1;
            while (j >= 0 && TokenIndex.Compare(bucket[j], token) > 0)
            {
                bucket[j + 1] = bucket[j];
                j--;
            }

            bucket[j + 1] = token;
        }
    }

    private static int RemoveAdjacentDuplicates(MatchToken[] sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var written = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!sorted[i].Equals(sorted[written - 1]))
            {
                sorted[written++] = sorted[i];
            }
        }

        return written;
    }

    private ReadOnlySpan<MatchToken> GetChunk(int chunk) =>
        _chunks[chunk].AsSpan(0, chunk == _chunks.Count - 1 ? _lastChunkCount : ChunkLength);
}
