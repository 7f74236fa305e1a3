using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Grpc.Net.Client;
using GsoHitService.Hosting;
using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>Loopback ports and mutual TLS gRPC channels to services that run in child processes.</summary>
internal static class LoopbackChannels
{
    /// <summary>
    /// Returns a TCP port on 127.0.0.1 that was free a moment ago. A child process cannot report
    /// the port it bound to <c>:0</c> except in its log, and a test that calls the service as soon
    /// as systemd's READY=1 arrives must know the port before the process starts.
    /// </summary>
    /// <remarks>
    /// Another program may take the port between this call and the child's bind. The child then
    /// fails to start with "address already in use", which the test reports with its output.
    /// </remarks>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Creates a channel that presents the accepted test client certificate and trusts only the
    /// test server certificate, as the coordinator and case-team clients do.
    /// </summary>
    public static GrpcChannel Create(Uri address)
    {
        var clientCertificate = TestCertificates.Shared.Client;
        var serverThumbprint = TestCertificates.Shared.Server.Thumbprint;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        string.Equals(presented?.GetCertHashString(), serverThumbprint, StringComparison.Ordinal),
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
                },
            },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes,
            MaxSendMessageSize = GrpcLimits.MaxMessageBytes,
        });
    }
}
