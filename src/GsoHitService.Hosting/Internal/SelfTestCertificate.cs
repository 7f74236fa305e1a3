using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Creates the throwaway client certificate of the start-up self-test. The server accepts it
/// only while the self-test runs, and its key never leaves this process.
/// </summary>
internal static class SelfTestCertificate
{
    public static X509Certificate2 Create(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=GSO Hit Service start-up self-test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));

        return PlatformCertificates.PrepareForTls(request.CreateSelfSigned(now.AddMinutes(-1), now.AddMinutes(10)));
    }
}
