using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.Matching;

namespace GsoHitService.Agent.Tests.Indexing;

public sealed class TokenIndexTests
{
    [Fact]
    public void Contains_ThreeMillionRandomTokens_FindsEveryOneAndNoOther()
    {
        var added = TestTokens.Random(3_000_000, seed: 1);
        var absent = TestTokens.Random(1_000_000, seed: 2);
        var builder = new TokenIndexBuilder();
        builder.AddRange(added);

        var index = builder.Build();

        Assert.Equal(added.Length, index.Count);
        Assert.Equal(0, added.Count(token => !index.Contains(token)));
        Assert.Equal(0, absent.Count(token => index.Contains(token)));
    }

    [Fact]
    public void Contains_TokenDifferingOnlyInLastBit_IsNotFound()
    {
        var added = TestTokens.Random(200_000, seed: 3);
        var index = TestTokens.BuilderWith(added).Build();

        var neighbours = added.Select(TestTokens.WithLastBitFlipped).ToArray();

        Assert.Equal(0, neighbours.Count(token => index.Contains(token)));
    }

    [Fact]
    public void Contains_TokenCopiedIntoNewArray_IsFound()
    {
        // Equality is by content: a token rebuilt from other bytes with the same content matches.
        var added = TestTokens.Random(1_000, seed: 4);
        var index = TestTokens.BuilderWith(added).Build();
        var copy = new byte[MatchToken.Length];
        added[500].CopyTo(copy);

        Assert.True(index.Contains(new MatchToken(copy.AsSpan())));
    }

    [Fact]
    public void Build_DuplicateTokens_KeepsOneOfEach()
    {
        var distinct = TestTokens.Random(10_000, seed: 5);
        var builder = new TokenIndexBuilder();
        builder.AddRange(distinct);
        builder.AddRange(distinct);
        builder.AddRange(distinct.AsSpan(0, 5_000));

        var index = builder.Build();

        Assert.Equal(distinct.Length, index.Count);
        Assert.Equal(0, distinct.Count(token => !index.Contains(token)));
    }

    [Fact]
    public void Build_NoTokens_GivesIndexThatContainsNothing()
    {
        var index = new TokenIndexBuilder().Build();

        Assert.Equal(0, index.Count);
        Assert.False(index.Contains(TestTokens.Random(1, seed: 6)[0]));
    }

    [Fact]
    public void Contains_TokensSharingOnePrefix_StaysExact()
    {
        // Not hash outputs: every token falls into one bucket, which is then binary-searched.
        var tokens = Enumerable.Range(1, 250).Select(i => TestTokens.WithPrefix(0x0123_4567_89AB_CDEF, (byte)i)).ToArray();
        var index = TestTokens.BuilderWith(tokens).Build();

        Assert.Equal(tokens.Length, index.Count);
        Assert.All(tokens, token => Assert.True(index.Contains(token)));
        Assert.False(index.Contains(TestTokens.WithPrefix(0x0123_4567_89AB_CDEF, 0)));
        Assert.False(index.Contains(TestTokens.WithPrefix(0x0123_4567_89AB_CDEE, 1)));
    }

    [Fact]
    public void Contains_ExtremePrefixes_AreFound()
    {
        var tokens = new[]
        {
            TestTokens.WithPrefix(0, 0),
            TestTokens.WithPrefix(0, 0xFF),
            TestTokens.WithPrefix(ulong.MaxValue, 0),
            TestTokens.WithPrefix(ulong.MaxValue, 0xFF),
            TestTokens.WithPrefix(1UL << 63, 7),
        };
        var index = TestTokens.BuilderWith(tokens.Concat(TestTokens.Random(1_000, seed: 7))).Build();

        Assert.All(tokens, token => Assert.True(index.Contains(token)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(65_537)]
    [InlineData(1_000_000)]
    [InlineData(3_000_000)]
    public void MemoryBytes_AnySize_IsAtMost34BytesPerTokenPlus12(int count)
    {
        var index = TestTokens.BuilderWith(TestTokens.Random(count, seed: count)).Build();

        Assert.True(index.MemoryBytes <= (34L * count) + 12, $"{index.MemoryBytes} bytes for {count} tokens");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1_000)]
    [InlineData(3_000_000)]
    public void MemoryBytes_TwoOrMoreTokens_IsAtMost40BytesPerToken(int count)
    {
        var index = TestTokens.BuilderWith(TestTokens.Random(count, seed: count)).Build();

        var bytesPerToken = (double)index.MemoryBytes / index.Count;

        Assert.True(bytesPerToken <= 40, $"{bytesPerToken:F2} bytes per token for {count} tokens");
    }

    [Fact]
    public void MemoryBytes_AfterManyDuplicates_CountsDistinctTokensOnly()
    {
        var distinct = TestTokens.Random(100_000, seed: 8);
        var builder = new TokenIndexBuilder();
        for (var copy = 0; copy < 5; copy++)
        {
            builder.AddRange(distinct);
        }

        var index = builder.Build();

        Assert.True((double)index.MemoryBytes / index.Count <= 40);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(4_000_000, 20)]
    public void GetBucketBits_TokenCount_GivesTwoToFourTokensPerBucket(long count, int expectedBits)
    {
        Assert.Equal(expectedBits, TokenIndex.GetBucketBits(count));
    }

    [Fact]
    public void Build_BuilderReused_StartsEmpty()
    {
        var builder = TestTokens.BuilderWith(TestTokens.Random(100, seed: 9));
        builder.Build();

        Assert.Equal(0, builder.Count);
    }
}
