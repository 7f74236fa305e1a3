using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Pure Ed25519 (RFC 8032, section 5.1) through BouncyCastle's low-level functions, which work on
/// caller-owned buffers, so a private key never lands in an object that cannot be cleared.
/// </summary>
internal static class Ed25519Signatures
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    /// <summary>Fills <paramref name="privateKey"/> with a new random 32-byte private key (the RFC 8032 seed).</summary>
    public static void GeneratePrivateKey(Span<byte> privateKey) => Ed25519.GeneratePrivateKey(new SecureRandom(), privateKey);

    public static byte[] DerivePublicKey(ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[PublicKeyLength];
        Ed25519.GeneratePublicKey(privateKey, publicKey);
        return publicKey;
    }

    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureLength];
        Ed25519.Sign(privateKey, message, signature);
        return signature;
    }

    /// <summary>
    /// Verifies a signature. Wrong lengths give false; BouncyCastle also rejects a non-canonical S
    /// and an invalid point encoding.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        return Ed25519.Verify(signature, publicKey, message);
    }

    /// <summary>
    /// Verifies a signature against a public key decoded once by <see cref="DecodePublicKey"/>.
    /// Decoding the key is about a tenth of a verification, and a roster's keys do not change.
    /// </summary>
    public static bool Verify(Ed25519.PublicPoint publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLength && Ed25519.Verify(signature, publicKey, message);

    /// <summary>
    /// Decodes a public key for <see cref="Verify(Ed25519.PublicPoint, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>,
    /// or returns null for a key that <see cref="IsValidPublicKey"/> rejects.
    /// </summary>
    public static Ed25519.PublicPoint? DecodePublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeyLength ? Ed25519.ValidatePublicKeyFullExport(publicKey) : null;

    /// <summary>
    /// Checks that a public key is a valid point of full order, so a roster cannot hold a key
    /// (such as a small-order point) for which signatures can be forged without a private key.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeyLength && Ed25519.ValidatePublicKeyFull(publicKey);
}
