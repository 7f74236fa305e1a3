using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Checks that this process can use a certificate's private key. A certificate from a Windows
/// store whose key the service account may not read still loads, and would fail only in the TLS
/// handshake.
/// </summary>
internal static class PrivateKeyCheck
{
    /// <summary>
    /// Signs a test value with the private key and verifies the signature with the public key.
    /// Returns null on success, or the reason the key cannot be used.
    /// </summary>
    public static string? FindProblem(X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            return "the certificate has no private key (a PEM file without its key, or a PFX exported without it)";
        }

        ReadOnlySpan<byte> data = "GSO Hit Service private-key check"u8;
        try
        {
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is not null)
            {
                var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                using var publicKey = certificate.GetRSAPublicKey()!;
                return publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                    ? null
                    : "the private key does not belong to the certificate";
            }

            using var ecdsa = certificate.GetECDsaPrivateKey();
            if (ecdsa is not null)
            {
                var signature = ecdsa.SignData(data, HashAlgorithmName.SHA256);
                using var publicKey = certificate.GetECDsaPublicKey()!;
                return publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256)
                    ? null
                    : "the private key does not belong to the certificate";
            }

            return $"the key algorithm {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} is not supported (use RSA or ECDSA)";
        }
        catch (CryptographicException exception)
        {
            return $"the private key cannot be opened: {exception.Message}";
        }
    }
}
