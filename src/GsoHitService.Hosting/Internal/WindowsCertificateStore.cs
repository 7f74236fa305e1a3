using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>Looks certificates up in a Windows certificate store ("My").</summary>
[SupportedOSPlatform("windows")]
internal static class WindowsCertificateStore
{
    /// <summary>
    /// Returns the certificate with the given normalized SHA-1 or SHA-256 thumbprint, or null.
    /// </summary>
    public static X509Certificate2? Find(string normalizedThumbprint, StoreLocation location)
    {
        using var store = new X509Store(StoreName.My, location);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);

        X509Certificate2? found = null;
        foreach (var certificate in store.Certificates)
        {
            if (found is null && Thumbprints.Matches(certificate, normalizedThumbprint))
            {
                found = certificate;
            }
            else
            {
                certificate.Dispose();
            }
        }

        return found;
    }
}
