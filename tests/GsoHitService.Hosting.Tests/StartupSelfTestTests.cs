using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GsoHitService.Hosting.Internal;
using GsoHitService.Hosting.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Hosting.Tests;

public sealed class StartupSelfTestTests
{
    public static TheoryData<string> KeylessFormats => ["pem", "pfx"];

    [Theory]
    [MemberData(nameof(KeylessFormats))]
    public async Task Start_CertificateWithoutPrivateKey_FailsNamingThumbprintAndAccount(string format)
    {
        using var contentRoot = new TempDirectory();
        var settings = TestServer.DefaultSettings(contentRoot);
        using var keyless = TestCertificates.WithoutPrivateKey(TestCertificates.Shared.Server);
        var file = $"keyless.{format}";
        if (format == "pem")
        {
            CertificateFiles.WritePem(keyless, contentRoot.Combine(file));
        }
        else
        {
            File.WriteAllBytes(contentRoot.Combine(file), keyless.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
        }

        settings["Certificate"] = new JsonObject { ["Path"] = file };
        await using var server = TestServer.Build(contentRoot, settings);

        var exception = await Assert.ThrowsAsync<StartupSelfTestException>(() => server.App.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(keyless.Thumbprint, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"account '{Environment.UserName}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no private key", exception.Message, StringComparison.Ordinal);
        var logged = Assert.Single(server.Logs.WithEvent("SelfTestFailed"));
        Assert.Equal(LogLevel.Critical, logged.Level);
    }

    [Fact]
    public async Task Handshake_ServerWithoutHttp2_ReportsAlpnProblem()
    {
        var certificates = TestCertificates.Shared;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        var cancellationToken = TestContext.Current.CancellationToken;

        var serverTask = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(cancellationToken);
            await using var tls = new SslStream(accepted.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificates.Server,
                // No ALPN at all, as on Windows Server 2012.
                ApplicationProtocols = null,
                ClientCertificateRequired = true,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, cancellationToken);
        }, cancellationToken);

        using var client = SelfTestCertificate.Create(DateTimeOffset.UtcNow);
        var problem = await LoopbackHandshake.FindProblemAsync(endPoint, certificates.Server, client, cancellationToken);
        await serverTask;

        Assert.NotNull(problem);
        Assert.Contains("HTTP/2 was not negotiated", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5001", "127.0.0.1:5001")]
    [InlineData("https://0.0.0.0:5001", "127.0.0.1:5001")]
    [InlineData("https://[::]:5001", "[::1]:5001")]
    [InlineData("https://[::1]:5001", "[::1]:5001")]
    [InlineData("https://localhost:5001", "127.0.0.1:5001")]
    [InlineData("https://*:5001", "127.0.0.1:5001")]
    [InlineData("https://+:5001", "127.0.0.1:5001")]
    [InlineData("https://192.0.2.10:5001", "192.0.2.10:5001")]
    public void ToLoopbackEndPoint_ListeningAddress_MapsToConnectableAddress(string address, string expected)
    {
        var endPoint = StartupSelfTest.ToLoopbackEndPoint(address);

        Assert.Equal(expected, endPoint?.ToString());
    }
}
