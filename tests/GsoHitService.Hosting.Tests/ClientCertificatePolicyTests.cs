using GsoHitService.Hosting.Internal;
using GsoHitService.TestSupport;

namespace GsoHitService.Hosting.Tests;

public sealed class ClientCertificatePolicyTests
{
    private static TestCertificates Certificates => TestCertificates.Shared;

    [Theory]
    [InlineData("coordinator", true)]
    [InlineData("COORDINATOR", true)]
    [InlineData("coordinator-2", false)]
    [InlineData($"CN=coordinator, O={DevelopmentCertificateAuthority.OrganizationName}", true)]
    [InlineData($"O={DevelopmentCertificateAuthority.OrganizationName}, CN=coordinator", true)]
    [InlineData("CN=coordinator, O=Another Organisation", false)]
    [InlineData("CN=coordinator", false)]
    public void FindRejection_SubjectEntry_MatchesCommonNameOrWholeSubject(string allowedSubject, bool accepted)
    {
        using var policy = new ClientCertificatePolicy([], Certificates.Authority.Certificate, [allowedSubject], TimeProvider.System);

        var rejection = policy.FindRejection(Certificates.Client, null);

        Assert.Equal(accepted, rejection is null);
    }

    [Fact]
    public void FindRejection_PinnedButExpired_IsRejected()
    {
        using var policy = new ClientCertificatePolicy([Thumbprints.Sha256(Certificates.ExpiredClient)], null, [], TimeProvider.System);

        Assert.StartsWith("expired on", policy.FindRejection(Certificates.ExpiredClient, null), StringComparison.Ordinal);
    }

    [Fact]
    public void FindRejection_SelfTestThumbprint_AcceptedWhileSet()
    {
        using var selfTest = SelfTestCertificate.Create(DateTimeOffset.UtcNow);
        using var policy = new ClientCertificatePolicy([], Certificates.Authority.Certificate, ["coordinator"], TimeProvider.System);

        policy.SelfTestThumbprint = Thumbprints.Sha256(selfTest);
        var whileRunning = policy.FindRejection(selfTest, null);
        policy.SelfTestThumbprint = null;
        var afterwards = policy.FindRejection(selfTest, null);

        Assert.Null(whileRunning);
        Assert.NotNull(afterwards);
    }

    [Fact]
    public void FindRejection_ServerCertificate_IsRejected()
    {
        using var policy = new ClientCertificatePolicy([], Certificates.Authority.Certificate, ["gso-test-server"], TimeProvider.System);

        Assert.Contains("does not chain", policy.FindRejection(Certificates.Server, null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01", "ABCDEF0123456789ABCDEF0123456789ABCDEF01")]
    [InlineData("\u200eabcdef0123456789abcdef0123456789abcdef01", "ABCDEF0123456789ABCDEF0123456789ABCDEF01")]
    [InlineData("abc", null)]
    [InlineData("zz", null)]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0G", null)]
    public void Normalize_Thumbprint_StripsSeparatorsOrRejects(string configured, string? expected)
    {
        Assert.Equal(expected, Thumbprints.Normalize(configured));
    }
}
