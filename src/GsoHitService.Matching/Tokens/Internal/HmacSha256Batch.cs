using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// Up to eight HMAC-SHA256 computations run together on <see cref="Sha256x8"/>, each lane with its
/// own precomputed key and a message of at most 55 bytes (one block after the key block). It
/// contains key states, so callers zero it after use.
/// </summary>
[SkipLocalsInit]
internal unsafe struct HmacSha256Batch
{
    /// <summary>Number of lanes.</summary>
    public const int Lanes = Sha256x8.Lanes;

    // Word j of lane i is at [j * Lanes + i], so that each group of Lanes words is one vector.
    private fixed uint _inner[8 * Lanes];
    private fixed uint _outer[8 * Lanes];
    private fixed uint _block[16 * Lanes];

    /// <summary>Loads a lane: the key's states and the message padded to its final block.</summary>
    /// <exception cref="ArgumentException">The message is longer than 55 bytes.</exception>
    public void SetLane(int lane, in HmacSha256Key key, ReadOnlySpan<byte> message)
    {
        if (message.Length > HmacSha256.MaxSingleBlockMessageLength)
        {
            throw new ArgumentException($"A batch lane takes at most {HmacSha256.MaxSingleBlockMessageLength} bytes; got {message.Length}.", nameof(message));
        }

        Span<byte> padded = stackalloc byte[Sha256.BlockLength];
        padded.Clear();
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded[^8..], unchecked((ulong)(Sha256.BlockLength + message.Length) * 8));

        for (var j = 0; j < 8; j++)
        {
            _inner[(j * Lanes) + lane] = key.Inner[j];
            _outer[(j * Lanes) + lane] = key.Outer[j];
        }

        for (var j = 0; j < 16; j++)
        {
            _block[(j * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(padded[(4 * j)..]);
        }
    }

    /// <summary>Computes the MAC of every lane: the inner hash, then the outer hash over its digest.</summary>
    public void Compute()
    {
        fixed (uint* inner = _inner, outer = _outer, block = _block)
        {
            var innerState = (Vector256<uint>*)inner;
            var words = (Vector256<uint>*)block;
            Sha256x8.Compress(innerState, words);

            // The outer block is the inner digest followed by padding for 64 + 32 bytes.
            for (var j = 0; j < 8; j++)
            {
                words[j] = innerState[j];
            }

            words[8] = Vector256.Create(0x80000000u);
            for (var j = 9; j < 15; j++)
            {
                words[j] = Vector256<uint>.Zero;
            }

            words[15] = Vector256.Create((uint)((Sha256.BlockLength + Sha256.HashLength) * 8));
            Sha256x8.Compress((Vector256<uint>*)outer, words);
        }
    }

    /// <summary>Reads a lane's MAC as a state after <see cref="Compute"/>.</summary>
    public readonly void GetMac(int lane, out Sha256State mac)
    {
        mac = default;
        for (var j = 0; j < 8; j++)
        {
            mac[j] = _outer[(j * Lanes) + lane];
        }
    }
}
