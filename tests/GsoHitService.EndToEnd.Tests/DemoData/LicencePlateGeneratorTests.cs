using GsoHitService.Demo.Data;
using GsoHitService.Matching;

namespace GsoHitService.EndToEnd.Tests.DemoData;

public sealed class LicencePlateGeneratorTests
{
    [Fact]
    public void Next_ManyPlates_AreValidSidecode11()
    {
        var random = new DeterministicRandom(11);

        for (var i = 0; i < 5_000; i++)
        {
            var plate = LicencePlateGenerator.Next(random);

            Assert.Matches("^[RSXZ][BDFGHJKLNPRSTVXZ]{2}[0-9]{2}[BDFGHJKLNPRSTVXZ]$", plate);
            Assert.True(
                IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, LicencePlateGenerator.WithDashes(plate), null, out var canonical, out var error),
                $"Generated plate rejected: rule {error.Rule}.");
            Assert.Equal(plate, canonical.Value);
        }
    }

    [Theory]
    [InlineData("SSB")]
    [InlineData("ZSD")]
    [InlineData("PVV")]
    [InlineData("SGP")]
    public void IsAllowedLetterGroup_BlockedCombination_ReturnsFalse(string letters)
    {
        Assert.False(LicencePlateGenerator.IsAllowedLetterGroup(letters));
    }

    [Fact]
    public void IsAllowedLetterGroup_OrdinaryGroup_ReturnsTrue()
    {
        Assert.True(LicencePlateGenerator.IsAllowedLetterGroup("SXT"));
    }

    [Fact]
    public void WithDashes_CanonicalPlate_UsesSidecode11Groups()
    {
        Assert.Equal("SXT-52-R", LicencePlateGenerator.WithDashes("SXT52R"));
    }

    [Fact]
    public void Registry_Next_AvoidsScenarioPlatesAndRepeats()
    {
        var registry = new LicencePlateRegistry();
        var random = new DeterministicRandom(3);

        var plates = Enumerable.Range(0, 2_000).Select(_ => registry.Next(random)).ToList();

        Assert.Equal(plates.Count, plates.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("SXT52R", plates);
        Assert.DoesNotContain("ZGN18H", plates);
    }
}
