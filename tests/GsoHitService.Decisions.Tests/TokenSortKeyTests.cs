using GsoHitService.Decisions.Internal;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Tests;

/// <summary>
/// The canonical order of a token set is part of the signed digest, so the fast sort must give
/// exactly the order of a plain comparison sort, also for the inputs it treats specially.
/// </summary>
public sealed class TokenSortKeyTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        // token count, number of identifier types, number of distinct first bytes (0: random)
        { 0, 1, 0 },
        { 1, 1, 0 },
        { 100, 3, 0 },
        { 20_000, 1, 0 },
        { 20_000, 4, 0 },
        { 20_000, 2, 3 },
        { 20_000, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SortDistinct_AnyShape_EqualsComparisonSort(int count, int typeCount, int distinctFirstBytes)
    {
        var tokens = RandomTokens(count, typeCount, distinctFirstBytes, seed: count + typeCount + distinctFirstBytes);

        // Adjacent duplicates are dropped after sorting; Distinct would hash, and keys with equal
        // first bytes share a hash code.
        var ordered = tokens.Select(token => new TokenSortKey(token)).Order().ToArray();
        var expected = ordered.Where((key, i) => i == 0 || !key.Equals(ordered[i - 1])).ToArray();
        var actual = TokenSortKey.SortDistinct(tokens);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SortDistinct_Duplicates_AreRemoved()
    {
        var tokens = RandomTokens(10_000, typeCount: 2, distinctFirstBytes: 0, seed: 5);

        var sorted = TokenSortKey.SortDistinct([.. tokens, .. tokens.Take(3_000)]);

        Assert.Equal(10_000, sorted.Length);
    }

    /// <summary>
    /// Random tokens; with <paramref name="distinctFirstBytes"/> above 0, the first 8 bytes take only
    /// that many values, so that many keys share the bucket and the prefix the fast sort keys on.
    /// </summary>
    private static SubjectToken[] RandomTokens(int count, int typeCount, int distinctFirstBytes, int seed)
    {
        var random = new Random(seed);
        var tokens = new SubjectToken[count];
        var bytes = new byte[MatchToken.Length];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            if (distinctFirstBytes > 0)
            {
                Array.Fill(bytes, (byte)random.Next(distinctFirstBytes), 0, 8);
            }

            var type = IdentifierTypes.All[random.Next(typeCount)];
            tokens[i] = new SubjectToken(type, new MatchToken(bytes));
        }

        return tokens;
    }
}
