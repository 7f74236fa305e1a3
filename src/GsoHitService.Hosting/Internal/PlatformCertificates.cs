using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Platform differences in how a loaded certificate's private key can be used for TLS.
/// </summary>
internal static class PlatformCertificates
{
    /// <summary>
    /// Returns a certificate whose private key TLS can use on this platform. On Windows, SChannel
    /// cannot use the ephemeral key of a certificate loaded from PEM, so there the certificate is
    /// round-tripped through PKCS#12. Elsewhere the certificate is returned as it is.
    /// </summary>
    public static X509Certificate2 PrepareForTls(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows() || !certificate.HasPrivateKey)
        {
            return certificate;
        }

        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
