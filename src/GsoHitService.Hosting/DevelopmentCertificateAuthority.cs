using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting;

/// <summary>
/// A throwaway certificate authority for development set-ups and tests. It issues server
/// certificates for the loopback host and client certificates with chosen subject names. Every
/// subject carries the organisation <see cref="OrganizationName"/> so that nobody mistakes these
/// certificates for production ones; production uses the municipality's own PKI.
/// </summary>
/// <remarks>
/// Keys are ECDSA P-256. The CA's private key lives only in this object and is never exported.
/// </remarks>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    /// <summary>The organisation (O) in every subject this CA writes.</summary>
    public const string OrganizationName = "GSO Hit Service DEVELOPMENT ONLY";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _certificate;

    private DevelopmentCertificateAuthority(X509Certificate2 certificate) => _certificate = certificate;

    /// <summary>
    /// The CA certificate without its private key, for trust settings (TrustedCaPath). Each call
    /// returns a new instance, which the caller disposes.
    /// </summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(_certificate.RawData);

    /// <summary>
    /// Creates a CA with a new key.
    /// </summary>
    /// <param name="commonName">The CA's common name (CN).</param>
    /// <param name="validity">How long the CA is valid from now. Default: 2 years.</param>
    /// <param name="notBefore">
    /// Start of validity. Default: five minutes ago. Tests that need expired certificates pass an
    /// earlier start, because no certificate can be valid before its issuer.
    /// </param>
    public static DevelopmentCertificateAuthority Create(
        string commonName = "GSO Hit Service development CA", TimeSpan? validity = null, DateTimeOffset? notBefore = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectFor(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(notBefore ?? now.AddMinutes(-5), now + (validity ?? TimeSpan.FromDays(730)));
        return new DevelopmentCertificateAuthority(certificate);
    }

    /// <summary>
    /// Issues a server certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>, plus
    /// any extra DNS names, with its private key.
    /// </summary>
    /// <param name="commonName">The common name (CN), for example <c>agent-brp</c>.</param>
    /// <param name="extraDnsNames">More DNS names for the subject alternative names.</param>
    /// <param name="notBefore">Start of validity, not before the CA's. Default: five minutes ago.</param>
    /// <param name="notAfter">End of validity, not after the CA's. Default: one year from now.</param>
    public X509Certificate2 IssueServerCertificate(
        string commonName,
        IEnumerable<string>? extraDnsNames = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        foreach (var name in extraDnsNames ?? [])
        {
            names.AddDnsName(name);
        }

        return Issue(commonName, ServerAuthentication, names.Build(), notBefore, notAfter);
    }

    /// <summary>
    /// Issues a client certificate with its private key. Pass validity dates in the past or future
    /// to get an expired or not-yet-valid certificate for tests.
    /// </summary>
    /// <param name="commonName">The common name (CN), for example <c>coordinator</c>.</param>
    /// <param name="notBefore">Start of validity, not before the CA's. Default: five minutes ago.</param>
    /// <param name="notAfter">End of validity, not after the CA's. Default: one year from now.</param>
    public X509Certificate2 IssueClientCertificate(string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue(commonName, ClientAuthentication, subjectAlternativeNames: null, notBefore, notAfter);

    /// <summary>Disposes the CA certificate and its private key.</summary>
    public void Dispose() => _certificate.Dispose();

    private X509Certificate2 Issue(
        string commonName, Oid usage, X509Extension? subjectAlternativeNames, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);

        // A certificate cannot be valid outside its issuer's validity, so defaults are clipped
        // to the CA's and explicit dates outside it are rejected.
        var now = DateTimeOffset.UtcNow;
        var caStart = new DateTimeOffset(_certificate.NotBefore.ToUniversalTime());
        var caEnd = new DateTimeOffset(_certificate.NotAfter.ToUniversalTime());
        var start = notBefore ?? Later(now.AddMinutes(-5), caStart);
        var end = notAfter ?? Earlier(now.AddDays(365), caEnd);

        if (start < caStart || end > caEnd)
        {
            throw new ArgumentException($"The validity {start:u} to {end:u} is outside the CA's validity {caStart:u} to {caEnd:u}.", notBefore is null ? nameof(notAfter) : nameof(notBefore));
        }

        if (end <= start)
        {
            throw new ArgumentException($"The end of validity {end:u} is not after its start {start:u}.", nameof(notAfter));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectFor(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        var serialNumber = RandomNumberGenerator.GetBytes(16);
        serialNumber[0] &= 0x7F;

        using var issued = request.Create(_certificate, start, end, serialNumber);
        return issued.CopyWithPrivateKey(key);
    }

    private static DateTimeOffset Later(DateTimeOffset first, DateTimeOffset second) => first > second ? first : second;

    private static DateTimeOffset Earlier(DateTimeOffset first, DateTimeOffset second) => first < second ? first : second;

    private static X500DistinguishedName SubjectFor(string commonName)
    {
        // Added in this order, .NET and Windows show the subject as "CN=..., O=...".
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName(OrganizationName);
        return builder.Build();
    }
}
