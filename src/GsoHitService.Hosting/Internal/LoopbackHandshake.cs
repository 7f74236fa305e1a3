using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Runs one mutual TLS handshake against this process's own server, as a client would.
/// </summary>
internal static class LoopbackHandshake
{
    private const byte SettingsFrameType = 0x4;

    // The HTTP/2 connection preface (RFC 9113, section 3.4) followed by an empty SETTINGS frame.
    private static readonly byte[] ClientPreface =
    [
        .. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8,
        0x00, 0x00, 0x00, SettingsFrameType, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>
    /// Connects, completes the handshake with <paramref name="clientCertificate"/>, and checks
    /// that the server presented <paramref name="expectedServerCertificate"/>, negotiated HTTP/2
    /// and replied to the HTTP/2 preface. Returns null on success, or the problem found.
    /// </summary>
    public static async Task<string?> FindProblemAsync(
        IPEndPoint endPoint,
        X509Certificate2 expectedServerCertificate,
        X509Certificate2 clientCertificate,
        CancellationToken cancellationToken)
    {
        using var client = new TcpClient(endPoint.AddressFamily);
        await client.ConnectAsync(endPoint, cancellationToken);

        string? presentedThumbprint = null;
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                presentedThumbprint = certificate?.GetCertHashString();
                return string.Equals(presentedThumbprint, expectedServerCertificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
            },
        }, cancellationToken);

        if (tls.NegotiatedApplicationProtocol != SslApplicationProtocol.Http2)
        {
            return "HTTP/2 was not negotiated (ALPN), so gRPC cannot work on this endpoint";
        }

        // With TLS 1.3 the client finishes its handshake before the server has checked the client
        // certificate, so only the server's first HTTP/2 frame proves that it was accepted.
        await tls.WriteAsync(ClientPreface, cancellationToken);
        await tls.FlushAsync(cancellationToken);

        var header = new byte[9];
        await tls.ReadExactlyAsync(header, cancellationToken);
        return header[3] == SettingsFrameType
            ? null
            : $"the server's first HTTP/2 frame has type {header[3]}, not SETTINGS";
    }
}
