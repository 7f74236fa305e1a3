using GsoHitService.Demo.Data;

namespace GsoHitService.EndToEnd.Tests.DemoData;

public sealed class DeterministicRandomTests
{
    // Expected outputs computed independently with a transcription of SplitMix64 in Python.
    [Theory]
    [InlineData(0UL, 0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL)]
    [InlineData(1234567UL, 0x599ED017FB08FC85UL, 0x2C73F08458540FA5UL, 0x883EBCE5A3F27C77UL)]
    public void NextUInt64_Seed_GivesSplitMix64Sequence(ulong seed, ulong first, ulong second, ulong third)
    {
        var random = new DeterministicRandom(seed);

        Assert.Equal(first, random.NextUInt64());
        Assert.Equal(second, random.NextUInt64());
        Assert.Equal(third, random.NextUInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Next_Bound_StaysInRange(int bound)
    {
        var random = new DeterministicRandom(42);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.Next(bound), 0, bound - 1);
        }
    }

    [Fact]
    public void Next_SmallBound_HitsEveryValue()
    {
        var random = new DeterministicRandom(42);

        var seen = Enumerable.Range(0, 1_000).Select(_ => random.Next(6)).ToHashSet();

        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public void Next_ZeroBound_Throws()
    {
        var random = new DeterministicRandom(42);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(0));
    }

    [Fact]
    public void NextDate_Range_IncludesBothEnds()
    {
        var random = new DeterministicRandom(7);
        var from = new DateOnly(2024, 2, 28);
        var to = new DateOnly(2024, 3, 1);

        var dates = Enumerable.Range(0, 500).Select(_ => random.NextDate(from, to)).ToHashSet();

        Assert.Equal([from, new DateOnly(2024, 2, 29), to], dates.Order());
    }
}
