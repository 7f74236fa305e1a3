using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GsoHitService.Hosting.Internal;

namespace GsoHitService.Hosting;

/// <summary>
/// Writes certificates and private keys to new files. Files with a private key are readable by
/// the owner only; no existing file is ever overwritten.
/// </summary>
public static class CertificateFiles
{
    /// <summary>
    /// Writes the certificate as PEM, and its private key as unencrypted PKCS#8 PEM when
    /// <paramref name="privateKeyPath"/> is given.
    /// </summary>
    /// <param name="certificate">The certificate; it must have a private key when <paramref name="privateKeyPath"/> is set.</param>
    /// <param name="certificatePath">The new certificate file.</param>
    /// <param name="privateKeyPath">The new private-key file, or null to write the certificate only.</param>
    /// <exception cref="IOException">A file already exists or cannot be written.</exception>
    /// <exception cref="ArgumentException">A key file is asked for and the certificate has no private key.</exception>
    public static void WritePem(X509Certificate2 certificate, string certificatePath, string? privateKeyPath = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);

        string? keyPem = null;
        if (privateKeyPath is not null)
        {
            using var key = GetPrivateKey(certificate);
            keyPem = key.ExportPkcs8PrivateKeyPem();
        }

        OwnerOnlyFile.WriteNew(certificatePath, Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"));
        if (keyPem is not null)
        {
            OwnerOnlyFile.WriteNew(privateKeyPath!, Encoding.ASCII.GetBytes(keyPem + "\n"));
        }
    }

    /// <summary>
    /// Writes the certificate with its private key as PKCS#12 (PFX), encrypted with AES-256 when
    /// a password is given.
    /// </summary>
    /// <param name="certificate">The certificate with its private key.</param>
    /// <param name="path">The new PFX file.</param>
    /// <param name="password">The password, or null for an unencrypted file.</param>
    /// <exception cref="IOException">The file already exists or cannot be written.</exception>
    public static void WritePfx(X509Certificate2 certificate, string path, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var content = password is null
            ? certificate.Export(X509ContentType.Pkcs12)
            : certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        try
        {
            OwnerOnlyFile.WriteNew(path, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private static AsymmetricAlgorithm GetPrivateKey(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey()
        ?? (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
        ?? throw new ArgumentException($"The certificate '{certificate.Subject}' has no RSA or ECDSA private key to write.", nameof(certificate));
}
