using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests.Help;

public sealed class TokenSuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("sign", "sign", 0)]
    [InlineData("", "pki", 3)]
    [InlineData("sing", "sign", 1)]
    [InlineData("stats", "status", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("nomralize", "normalize", 1)]
    public void EditDistance_CountsInsertionsDeletionsSubstitutionsAndSwaps(string source, string target, int expected)
    {
        Assert.Equal(expected, TokenSuggestions.EditDistance(source, target));
        Assert.Equal(expected, TokenSuggestions.EditDistance(target, source));
    }

    [Fact]
    public void Closest_PicksFewestEdits()
    {
        Assert.Equal("status", TokenSuggestions.Closest("statu", ["signal", "status", "release"]));
    }

    [Fact]
    public void Closest_TiePicksFirstCandidate()
    {
        Assert.Equal("pc1", TokenSuggestions.Closest("pc", ["pc1", "pc2", "pc3"]));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("bogus")]
    [InlineData("verwijder")]
    public void Closest_FarToken_ReturnsNull(string token)
    {
        Assert.Null(TokenSuggestions.Closest(token, ["pc1", "pki", "query", "audit", "normalize"]));
    }
}
