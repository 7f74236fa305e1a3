using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Thumbprint parsing and comparison. Configured thumbprints may be SHA-256 or SHA-1, written
/// with or without colons and spaces, in any case.
/// </summary>
internal static class Thumbprints
{
    public const int Sha256Length = 64;
    public const int Sha1Length = 40;

    /// <summary>
    /// Returns the thumbprint in upper case without separators, or null when it is not 40 or 64
    /// hexadecimal digits.
    /// </summary>
    public static string? Normalize(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        // A thumbprint copied from the Windows certificate dialog starts with an invisible
        // left-to-right mark (U+200E).
        var digits = new string([.. configured.Where(c => c is not (' ' or ':' or '\u200E'))]).ToUpperInvariant();
        var isHex = digits.All(char.IsAsciiHexDigit);
        return isHex && digits.Length is Sha256Length or Sha1Length ? digits : null;
    }

    /// <summary>Returns the certificate's SHA-256 thumbprint in upper-case hexadecimal.</summary>
    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>
    /// Returns whether the certificate's thumbprint equals a normalized SHA-256 or SHA-1 thumbprint.
    /// </summary>
    public static bool Matches(X509Certificate2 certificate, string normalized) => normalized.Length == Sha256Length
        ? string.Equals(Sha256(certificate), normalized, StringComparison.Ordinal)
        : string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA1), normalized, StringComparison.Ordinal);

    /// <summary>
    /// Describes a certificate for operators: its subject and both thumbprints, because Windows
    /// tools show the SHA-1 one.
    /// </summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"'{certificate.Subject}' (thumbprint SHA-1 {certificate.Thumbprint}, SHA-256 {Sha256(certificate)})";
}
