namespace GsoHitService.Hosting;

/// <summary>
/// Settings of the HTTPS-only gRPC server with client certificates, bound from the section given
/// to <see cref="MutualTlsServerExtensions.AddMutualTlsGrpcServer"/> (usually <c>Server</c>).
/// </summary>
/// <example>
/// <code language="json">
/// "Server": {
///   "Endpoints": [ "https://0.0.0.0:7443" ],
///   "Certificate": { "Path": "certs/agent-brp.crt.pem", "KeyPath": "certs/agent-brp.key.pem" },
///   "ClientCertificates": { "TrustedCaPath": "certs/ca.crt.pem", "AllowedSubjects": [ "coordinator" ] }
/// }
/// </code>
/// </example>
public sealed class MutualTlsServerOptions
{
    /// <summary>
    /// URLs to listen on, each <c>https://HOST:PORT</c> where HOST is an IP address,
    /// <c>localhost</c> or <c>*</c> (all addresses). Port 0 picks a free port, which is meant for
    /// tests. An <c>http://</c> URL stops the start. Default: empty (a start without endpoints is
    /// refused).
    /// </summary>
    public List<string> Endpoints { get; } = [];

    /// <summary>The server certificate with its private key.</summary>
    public CertificateSourceOptions Certificate { get; set; } = new();

    /// <summary>The client certificates that may connect.</summary>
    public ClientCertificateOptions ClientCertificates { get; set; } = new();
}
