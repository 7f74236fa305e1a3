using System.Security.Cryptography;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// A short form of a public key that people can compare by eye or read out over the phone: the
/// first 16 bytes of its SHA-256 hash as hex, in groups of four digits.
/// </summary>
internal static class KeyFingerprint
{
    public static string Compute(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(publicKey, hash);
        var hex = Convert.ToHexStringLower(hash[..16]);
        return string.Join(' ', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
