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
    private readonly Lazy<(X509Certificate2 Certificate, ClientCertificatePolicy Policy)> _loaded;
    private readonly Lazy<SslStreamCertificateContext> _certificateContext;
    private readonly ILogger<ServerCredentials> _logger;

    public ServerCredentials(
        IOptions<MutualTlsServerOptions> options,
        IHostEnvironment environment,
        TimeProvider timeProvider,
        ServerSettingsSection section,
        ILogger<ServerCredentials> logger)
    {
        _logger = logger;

        // Loaded on first use, after the options were validated at start-up: the host creates
        // this object before it validates, and a wrong setting must surface as a validation
        // failure that names the setting.
        _loaded = new(() => Load(options.Value, environment.ContentRootPath, timeProvider, section.Name));

        // Creating the context needs the private key, and a missing key must be reported by the
        // start-up self-test rather than fail the first connection.
        _certificateContext = new(() => SslStreamCertificateContext.Create(Certificate, additionalCertificates: null, offline: true));
    }

    /// <summary>The server certificate, with its private key when the source contains one.</summary>
    public X509Certificate2 Certificate => _loaded.Value.Certificate;

    /// <summary>The allow-list that client certificates are checked against.</summary>
    public ClientCertificatePolicy ClientPolicy => _loaded.Value.Policy;

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
        if (_loaded.IsValueCreated)
        {
            ClientPolicy.Dispose();
            Certificate.Dispose();
        }
    }

    private static (X509Certificate2, ClientCertificatePolicy) Load(
        MutualTlsServerOptions settings, string contentRoot, TimeProvider timeProvider, string sectionName)
    {
        var certificate = CertificateLoader.Load(settings.Certificate, $"{sectionName}:Certificate", contentRoot, timeProvider.GetUtcNow());

        var clients = settings.ClientCertificates;
        var trustedCa = string.IsNullOrWhiteSpace(clients.TrustedCaPath)
            ? null
            : CertificateLoader.LoadCaCertificate(clients.TrustedCaPath, $"{sectionName}:ClientCertificates:TrustedCaPath", contentRoot);
        var thumbprints = clients.AllowedThumbprints.Select(Thumbprints.Normalize).OfType<string>().ToArray();

        return (certificate, new ClientCertificatePolicy(thumbprints, trustedCa, [.. clients.AllowedSubjects], timeProvider));
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
