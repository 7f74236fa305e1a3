using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Queries;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Agent.Tests.Queries;

public sealed class CallerQuotaTests
{
    private const string Coordinator = "COORDINATOR-THUMBPRINT";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private CallerQuota CreateQuota(long maxProbes = 2_000_000, TimeSpan? window = null) => new(
        Options.Create(new AgentOptions { Limits = { MaxProbesPerCaller = maxProbes, QuotaWindow = window ?? TimeSpan.FromDays(1) } }),
        _time);

    [Fact]
    public void TryConsume_SweepOfTenMillionBsnTokens_IsStoppedAtQuota()
    {
        // A sweep of the BSN space in batches of the default per-request cap.
        var quota = CreateQuota();
        long answered = 0;
        for (var batch = 0; batch < 50; batch++)
        {
            if (!quota.TryConsume(Coordinator, 200_000, out _))
            {
                break;
            }

            answered += 200_000;
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(2_000_000, answered);
    }

    [Fact]
    public void TryConsume_ExactlyQuota_IsAllowed()
    {
        var quota = CreateQuota(maxProbes: 1_000);

        Assert.True(quota.TryConsume(Coordinator, 1_000, out var used));
        Assert.Equal(0, used);
    }

    [Fact]
    public void TryConsume_OneOverQuota_IsRefusedAndReportsUsage()
    {
        var quota = CreateQuota(maxProbes: 1_000);
        quota.TryConsume(Coordinator, 600, out _);

        Assert.False(quota.TryConsume(Coordinator, 401, out var used));
        Assert.Equal(600, used);
    }

    [Fact]
    public void TryConsume_RefusedRequest_IsNotCharged()
    {
        var quota = CreateQuota(maxProbes: 1_000);
        quota.TryConsume(Coordinator, 600, out _);
        quota.TryConsume(Coordinator, 500, out _);

        Assert.True(quota.TryConsume(Coordinator, 400, out var used));
        Assert.Equal(600, used);
    }

    [Fact]
    public void TryConsume_OtherCaller_HasOwnQuota()
    {
        var quota = CreateQuota(maxProbes: 1_000);
        quota.TryConsume(Coordinator, 1_000, out _);

        Assert.True(quota.TryConsume("OTHER-THUMBPRINT", 1_000, out _));
    }

    [Fact]
    public void TryConsume_AfterWholeWindow_IsAllowedAgain()
    {
        var quota = CreateQuota(maxProbes: 1_000, window: TimeSpan.FromHours(1));
        quota.TryConsume(Coordinator, 1_000, out _);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(quota.TryConsume(Coordinator, 1_000, out var used));
        Assert.Equal(0, used);
    }

    [Fact]
    public void TryConsume_WithinWindow_KeepsEarlierUsage()
    {
        var quota = CreateQuota(maxProbes: 1_000, window: TimeSpan.FromHours(1));
        quota.TryConsume(Coordinator, 1_000, out _);

        _time.Advance(TimeSpan.FromMinutes(58));

        Assert.False(quota.TryConsume(Coordinator, 1, out _));
    }

    [Fact]
    public void TryConsume_RollingWindow_ReleasesOldestUsageFirst()
    {
        var quota = CreateQuota(maxProbes: 1_000, window: TimeSpan.FromHours(1));
        quota.TryConsume(Coordinator, 600, out _);
        _time.Advance(TimeSpan.FromMinutes(30));
        quota.TryConsume(Coordinator, 400, out _);

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.True(quota.TryConsume(Coordinator, 600, out var used));
        Assert.Equal(400, used);
        Assert.False(quota.TryConsume(Coordinator, 1, out _));
    }
}
