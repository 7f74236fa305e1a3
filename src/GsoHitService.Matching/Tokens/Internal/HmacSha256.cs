using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// HMAC-SHA256 (RFC 2104) from precomputed key states, so that a MAC over a message of up to 55
/// bytes costs two SHA-256 compressions and no allocation. Tested against
/// <see cref="HMACSHA256"/> and the RFC 4231 vectors.
/// </summary>
internal static class HmacSha256
{
    /// <summary>Length of a MAC in bytes.</summary>
    public const int MacLength = Sha256.HashLength;

    /// <summary>Longest message that fits, with its padding, in one block after the key block.</summary>
    public const int MaxSingleBlockMessageLength = Sha256.BlockLength - 9;

    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    /// <summary>Hashes the key blocks once, so that each MAC starts from their states.</summary>
    [SkipLocalsInit]
    public static void Precompute(ReadOnlySpan<byte> key, out HmacSha256Key result)
    {
        result = default;
        Span<byte> keyBlock = stackalloc byte[Sha256.BlockLength];
        try
        {
            // RFC 2104 section 2: a key longer than the block is replaced by its hash, and a
            // shorter one is padded with zeros to the block length.
            keyBlock.Clear();
            if (key.Length > Sha256.BlockLength)
            {
                SHA256.HashData(key, keyBlock);
            }
            else
            {
                key.CopyTo(keyBlock);
            }

            XorInPlace(keyBlock, InnerPad);
            Sha256.LoadBlock(keyBlock, out var block);
            Sha256.Initialize(out result.Inner);
            Sha256.Compress(ref result.Inner, in block);

            XorInPlace(keyBlock, InnerPad ^ OuterPad);
            Sha256.LoadBlock(keyBlock, out block);
            Sha256.Initialize(out result.Outer);
            Sha256.Compress(ref result.Outer, in block);

            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<Sha256Block>(ref block)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyBlock);
        }
    }

    /// <summary>Computes the MAC of <paramref name="message"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Compute(in HmacSha256Key key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Compute(in key, message, out var mac);
        Sha256.StoreDigest(in mac, destination);
    }

    /// <summary>Computes the MAC of <paramref name="message"/> as a SHA-256 state (the MAC's eight big-endian words).</summary>
    [SkipLocalsInit]
    public static void Compute(in HmacSha256Key key, ReadOnlySpan<byte> message, out Sha256State mac)
    {
        var inner = key.Inner;
        Sha256Block block;

        var remaining = message;
        while (remaining.Length >= Sha256.BlockLength)
        {
            Sha256.LoadBlock(remaining, out block);
            Sha256.Compress(ref inner, in block);
            remaining = remaining[Sha256.BlockLength..];
        }

        // Padding (FIPS 180-4 section 5.1.1): 0x80, zeros, then the bit length of everything
        // hashed, which includes the key block before the message.
        Span<byte> tail = stackalloc byte[2 * Sha256.BlockLength];
        tail.Clear();
        remaining.CopyTo(tail);
        tail[remaining.Length] = 0x80;
        var tailLength = remaining.Length <= MaxSingleBlockMessageLength ? Sha256.BlockLength : 2 * Sha256.BlockLength;
        var bitLength = unchecked(((ulong)message.Length + Sha256.BlockLength) * 8);
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], bitLength);

        Sha256.LoadBlock(tail, out block);
        Sha256.Compress(ref inner, in block);
        if (tailLength > Sha256.BlockLength)
        {
            Sha256.LoadBlock(tail[Sha256.BlockLength..], out block);
            Sha256.Compress(ref inner, in block);
        }

        mac = key.Outer;
        FinishOuter(ref mac, in inner);
    }

    /// <summary>
    /// Compresses the outer block: the inner digest (whose big-endian words are the state words
    /// themselves) followed by padding for 64 + 32 bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FinishOuter(ref Sha256State outer, ref readonly Sha256State innerDigest)
    {
        Sha256Block block = default;
        for (var i = 0; i < 8; i++)
        {
            block[i] = innerDigest[i];
        }

        block[8] = 0x80000000;
        block[15] = (Sha256.BlockLength + Sha256.HashLength) * 8;
        Sha256.Compress(ref outer, in block);
    }

    private static void XorInPlace(Span<byte> bytes, byte value)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= value;
        }
    }
}
