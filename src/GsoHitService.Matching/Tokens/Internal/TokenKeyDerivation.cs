using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// Derives the per-type token keys of scheme v1 from a matching key with HKDF-SHA256 (RFC 5869).
/// The salt and info strings are part of the scheme: changing one changes every token, so they
/// are fixed here and documented in docs/token-scheme.md.
/// </summary>
internal static class TokenKeyDerivation
{
    /// <summary>Length of a derived per-type key in bytes.</summary>
    public const int TypeKeyLength = 32;

    /// <summary>Length of a key check value in bytes.</summary>
    public const int CheckValueLength = 8;

    /// <summary>HKDF salt of scheme v1: separates these keys from anything else derived from the matching key.</summary>
    public static ReadOnlySpan<byte> Salt => "gso-hit-service:match-token-salt"u8;

    /// <summary>
    /// Writes the HKDF info of scheme v1 for a type: <c>gso-hit-service:match-token:v1:type:</c>
    /// followed by the type's wire number in decimal, for example <c>…:type:1</c> for BSN.
    /// </summary>
    public static byte[] GetInfo(IdentifierType type) =>
        Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"gso-hit-service:match-token:v{TokenScheme.Version}:type:{(byte)type}"));

    /// <summary>Derives K_t = HKDF-SHA256(IKM = matching key, salt, info(t), L = 32).</summary>
    public static void DeriveTypeKey(ReadOnlySpan<byte> matchingKey, IdentifierType type, Span<byte> destination) =>
        Derive(matchingKey, Salt, GetInfo(type), destination[..TypeKeyLength]);

    /// <summary>HKDF info of the key check value; it differs from every type's info, so the check value reveals nothing about a type key.</summary>
    public static ReadOnlySpan<byte> CheckValueInfo => "gso-hit-service:matching-key-check"u8;

    /// <summary>Derives the key check value: HKDF-SHA256(IKM = matching key, salt, check info, L = 8).</summary>
    public static void DeriveCheckValue(ReadOnlySpan<byte> matchingKey, Span<byte> destination) =>
        Derive(matchingKey, Salt, CheckValueInfo, destination[..CheckValueLength]);

    /// <summary>HKDF-SHA256 extract and expand, the one path that <see cref="DeriveTypeKey"/> and the RFC tests share.</summary>
    public static void Derive(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, output, salt, info);
}
