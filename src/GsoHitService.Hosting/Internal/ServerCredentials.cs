using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// The server certificate and the client-certificate policy, loaded once from validated options,
/// and the TLS settings every accepted connection gets.
/// </summary>
internal sealed class ServerCredentials : IDisposable
{
    private readonly Lazy<SslStreamCertificateContext> _certificateContext;
    private readonly ILogger<ServerCredentials> _logger;

    public ServerCredentials(
        IOptions<MutualTlsServerOptions> options,
        IHostEnvironment environment,
        TimeProvider timeProvider,
        ServerSettingsSection section,
        ILogger<ServerCredentials> logger)
    {
        var settings = options.Value;
        var contentRoot = environment.ContentRootPath;
        _logger = logger;

        Certificate = CertificateLoader.Load(settings.Certificate, $"{section.Name}:Certificate", contentRoot, timeProvider.GetUtcNow());

        var clients = settings.ClientCertificates;
        var trustedCa = string.IsNullOrWhiteSpace(clients.TrustedCaPath)
            ? null
            : CertificateLoader.LoadCaCertificate(clients.TrustedCaPath, $"{section.Name}:ClientCertificates:TrustedCaPath", contentRoot);
        var thumbprints = clients.AllowedThumbprints.Select(Thumbprints.Normalize).OfType<string>().ToArray();
        ClientPolicy = new ClientCertificatePolicy(thumbprints, trustedCa, [.. clients.AllowedSubjects], timeProvider);

        // Built on first use: creating the context needs the private key, and a missing key must
        // be reported by the start-up self-test rather than fail while Kestrel is configured.
        _certificateContext = new Lazy<SslStreamCertificateContext>(
            () => SslStreamCertificateContext.Create(Certificate, additionalCertificates: null, offline: true));
    }

    /// <summary>The server certificate, with its private key when the source holds one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The allow-list that client certificates are checked against.</summary>
    public ClientCertificatePolicy ClientPolicy { get; }

    /// <summary>
    /// Creates the TLS settings for one incoming connection: TLS 1.2 or later, HTTP/2 only, a
    /// client certificate required and checked against <see cref="ClientPolicy"/>.
    /// </summary>
    public SslServerAuthenticationOptions CreateAuthenticationOptions(EndPoint? remoteEndPoint) => new()
    {
        ServerCertificateContext = _certificateContext.Value,
        ClientCertificateRequired = true,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        ApplicationProtocols = [SslApplicationProtocol.Http2],
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, chain, _) => IsClientAccepted(certificate, chain, remoteEndPoint),
    };

    public void Dispose()
    {
        ClientPolicy.Dispose();
        Certificate.Dispose();
    }

    private bool IsClientAccepted(X509Certificate? presented, X509Chain? chain, EndPoint? remoteEndPoint)
    {
        if (presented is null)
        {
            HostingLog.ClientCertificateMissing(_logger, remoteEndPoint?.ToString() ?? "unknown");
            return false;
        }

        // The handshake owns the presented instance, so the check works on a copy.
        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var rejection = ClientPolicy.FindRejection(certificate, chain);
        if (rejection is null)
        {
            return true;
        }

        HostingLog.ClientCertificateRejected(_logger, certificate.Subject, Thumbprints.Sha256(certificate), rejection);
        return false;
    }
}

/// <summary>The configuration section that the server options are bound from.</summary>
internal sealed record ServerSettingsSection(string Name);
