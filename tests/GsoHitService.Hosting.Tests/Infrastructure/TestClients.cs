using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Grpc.Net.Client;
using GsoHitService.TestSupport;

namespace GsoHitService.Hosting.Tests.Infrastructure;

/// <summary>
/// gRPC clients that present any certificate, to test what the server accepts.
/// </summary>
internal static class TestClients
{
    /// <summary>
    /// Creates a channel that trusts only the test server certificate and presents
    /// <paramref name="clientCertificate"/> (none when null).
    /// </summary>
    public static GrpcChannel CreateChannel(Uri address, X509Certificate2? clientCertificate, SslProtocols protocols = SslProtocols.None)
    {
        var serverThumbprint = TestCertificates.Shared.Server.Thumbprint;
        var tls = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = protocols,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                string.Equals(certificate?.GetCertHashString(), serverThumbprint, StringComparison.Ordinal),
        };

        if (clientCertificate is not null)
        {
            tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { SslOptions = tls },
            DisposeHttpClient = true,
        });
    }

    /// <summary>Calls the health service's Check with a 10-second deadline.</summary>
    public static async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(GrpcChannel channel)
    {
        var client = new Health.HealthClient(channel);
        var response = await client.CheckAsync(
            new HealthCheckRequest(),
            deadline: DateTime.UtcNow.AddSeconds(10),
            cancellationToken: TestContext.Current.CancellationToken);
        return response.Status;
    }
}
