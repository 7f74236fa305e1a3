using System.Net;
using GsoHitService.Hosting.Internal;

namespace GsoHitService.Hosting.Tests;

public sealed class HttpsEndpointTests
{
    [Theory]
    [InlineData("https://127.0.0.1:7443", "127.0.0.1", false, 7443)]
    [InlineData("https://[::1]:7443", "::1", false, 7443)]
    [InlineData("https://0.0.0.0:7443/", "0.0.0.0", false, 7443)]
    [InlineData("https://localhost:7443", null, true, 7443)]
    [InlineData("https://*:7443", null, false, 7443)]
    [InlineData("HTTPS://127.0.0.1:0", "127.0.0.1", false, 0)]
    public void TryParse_HttpsUrl_IsAccepted(string url, string? address, bool isLocalhost, int port)
    {
        Assert.True(HttpsEndpoint.TryParse(url, out var endpoint, out var problem), problem);

        Assert.Equal(address is null ? null : IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(isLocalhost, endpoint.IsLocalhost);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7443", "plaintext (http://) endpoint")]
    [InlineData("HTTP://0.0.0.0:80", "plaintext (http://) endpoint")]
    [InlineData("", "is empty")]
    [InlineData("127.0.0.1:7443", "not an https://HOST:PORT URL")]
    [InlineData("https://127.0.0.1", "has no port")]
    [InlineData("https://[::1]", "has no port")]
    [InlineData("https://127.0.0.1:7443/grpc", "without a path")]
    [InlineData("https://agent.gemeente.example:7443", "use an IP address")]
    [InlineData("https://localhost:0", "port 0 cannot be used with localhost")]
    [InlineData("https://*:99999", "invalid port")]
    public void TryParse_InvalidUrl_IsRejectedWithReason(string url, string reason)
    {
        Assert.False(HttpsEndpoint.TryParse(url, out _, out var problem));

        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
