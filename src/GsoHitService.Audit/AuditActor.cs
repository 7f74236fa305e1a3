using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Audit;

/// <summary>Builds the <see cref="AuditEntry.Actor"/> text for a caller.</summary>
public static class AuditActor
{
    /// <summary>
    /// Returns the certificate's subject and SHA-256 thumbprint, for example
    /// <c>CN=coordinator, O=Gemeente Voorbeeld; sha256=3F2A…</c>.
    /// </summary>
    public static string FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        return $"{certificate.Subject}; sha256={certificate.GetCertHashString(HashAlgorithmName.SHA256)}";
    }
}
