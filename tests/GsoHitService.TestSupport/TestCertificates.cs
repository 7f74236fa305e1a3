using System.Security.Cryptography.X509Certificates;
using GsoHitService.Hosting;

namespace GsoHitService.TestSupport;

/// <summary>
/// Certificates generated once per test process for mutual TLS tests: a CA, a server certificate
/// for 127.0.0.1, localhost and ::1, and client certificates that must be accepted or rejected.
/// </summary>
/// <remarks>
/// Every certificate is made fresh by <see cref="DevelopmentCertificateAuthority"/>; none is
/// committed to the repository. The returned instances are shared, so tests must not dispose them.
/// </remarks>
public sealed class TestCertificates
{
    /// <summary>The common name (CN) of the accepted client, as on the allow-list.</summary>
    public const string ClientCommonName = "coordinator";

    /// <summary>The common name (CN) of a client of the trusted CA that is not on the allow-list.</summary>
    public const string UnlistedClientCommonName = "unknown-client";

    private static readonly Lazy<TestCertificates> SharedInstance = new(() => new TestCertificates());

    private TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;

        // The CA starts in the past so that it can issue an already expired certificate.
        Authority = DevelopmentCertificateAuthority.Create("GSO test CA", TimeSpan.FromDays(30), now.AddDays(-30));
        CaCertificate = Authority.Certificate;
        Server = Authority.IssueServerCertificate("gso-test-server", notAfter: now.AddDays(7));
        Client = Authority.IssueClientCertificate(ClientCommonName, notAfter: now.AddDays(7));
        ExpiredClient = Authority.IssueClientCertificate(ClientCommonName, now.AddDays(-20), now.AddDays(-1));
        NotYetValidClient = Authority.IssueClientCertificate(ClientCommonName, now.AddDays(1), now.AddDays(7));
        UnlistedClient = Authority.IssueClientCertificate(UnlistedClientCommonName, notAfter: now.AddDays(7));

        // Same CA name, different key: only the chain check tells them apart.
        OtherAuthority = DevelopmentCertificateAuthority.Create("GSO test CA", TimeSpan.FromDays(30));
        ClientOfOtherAuthority = OtherAuthority.IssueClientCertificate(ClientCommonName, notAfter: now.AddDays(7));
        ServerOfOtherAuthority = OtherAuthority.IssueServerCertificate("gso-test-server", notAfter: now.AddDays(7));
    }

    /// <summary>The certificates shared by all tests of this process.</summary>
    public static TestCertificates Shared => SharedInstance.Value;

    /// <summary>The trusted test CA, which can issue more certificates.</summary>
    public DevelopmentCertificateAuthority Authority { get; }

    /// <summary>The trusted CA's certificate, without private key.</summary>
    public X509Certificate2 CaCertificate { get; }

    /// <summary>Server certificate for localhost, 127.0.0.1 and ::1, with private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Valid client certificate of the trusted CA, CN <see cref="ClientCommonName"/>.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>Client certificate of the trusted CA, CN <see cref="ClientCommonName"/>, expired yesterday.</summary>
    public X509Certificate2 ExpiredClient { get; }

    /// <summary>Client certificate of the trusted CA, CN <see cref="ClientCommonName"/>, valid from tomorrow.</summary>
    public X509Certificate2 NotYetValidClient { get; }

    /// <summary>Valid client certificate of the trusted CA with CN <see cref="UnlistedClientCommonName"/>.</summary>
    public X509Certificate2 UnlistedClient { get; }

    /// <summary>Another CA with the same name as <see cref="Authority"/> and its own key.</summary>
    public DevelopmentCertificateAuthority OtherAuthority { get; }

    /// <summary>Valid client certificate with CN <see cref="ClientCommonName"/> from <see cref="OtherAuthority"/>.</summary>
    public X509Certificate2 ClientOfOtherAuthority { get; }

    /// <summary>Valid server certificate for the loopback host from <see cref="OtherAuthority"/>.</summary>
    public X509Certificate2 ServerOfOtherAuthority { get; }

    /// <summary>Returns a copy of <paramref name="certificate"/> without its private key.</summary>
    public static X509Certificate2 WithoutPrivateKey(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.RawData);

    /// <summary>
    /// Writes the CA certificate and the server certificate with its key as PEM files into
    /// <paramref name="directory"/> and returns their absolute paths.
    /// </summary>
    public CertificatePaths WriteServerFiles(TempDirectory directory)
    {
        var paths = new CertificatePaths(
            directory.Combine("ca.crt.pem"),
            directory.Combine("server.crt.pem"),
            directory.Combine("server.key.pem"));
        CertificateFiles.WritePem(CaCertificate, paths.CaCertificate);
        CertificateFiles.WritePem(Server, paths.Certificate, paths.PrivateKey);
        return paths;
    }

    /// <summary>
    /// Writes the CA certificate and the valid client certificate with its key as PEM files into
    /// <paramref name="directory"/> and returns their absolute paths.
    /// </summary>
    public CertificatePaths WriteClientFiles(TempDirectory directory)
    {
        var paths = new CertificatePaths(
            directory.Combine("client-ca.crt.pem"),
            directory.Combine("client.crt.pem"),
            directory.Combine("client.key.pem"));
        CertificateFiles.WritePem(CaCertificate, paths.CaCertificate);
        CertificateFiles.WritePem(Client, paths.Certificate, paths.PrivateKey);
        return paths;
    }
}

/// <summary>Absolute paths of a CA certificate, a certificate and its private key.</summary>
public sealed record CertificatePaths(string CaCertificate, string Certificate, string PrivateKey);
