using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// The SHA-256 compression function of FIPS 180-4 (section 6.2.2), exposed so that HMAC can start
/// from precomputed states. Only the HMAC code uses it, because the product never computes an
/// unkeyed digest of an identifier.
/// </summary>
/// <remarks>
/// .NET does not expose the x86 SHA extensions, and the platform's one-shot and incremental HMAC
/// APIs pay a fixed cost per call that exceeds the two compressions a short token needs. The rounds
/// below are unrolled by eight with the working variables renamed instead of shifted, so that the
/// JIT keeps them in registers, and the message schedule runs four words at a time in SSE registers.
/// </remarks>
internal static unsafe class Sha256
{
    /// <summary>Length of a message block in bytes.</summary>
    public const int BlockLength = 64;

    /// <summary>Length of a digest in bytes.</summary>
    public const int HashLength = 32;

    /// <summary>Initial hash value H(0), FIPS 180-4 section 5.3.3.</summary>
    public static ReadOnlySpan<uint> InitialState =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    /// <summary>Round constants K, FIPS 180-4 section 4.2.2.</summary>
    /// <remarks>
    /// An array, not a span over constant data: unoptimised (Debug) code allocates a field-handle
    /// object each time it creates such a span, and the token path must not allocate.
    /// </remarks>
    internal static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Sets <paramref name="state"/> to the initial hash value.</summary>
    public static void Initialize(out Sha256State state)
    {
        state = default;
        InitialState.CopyTo(state);
    }

    /// <summary>Decodes 64 bytes into the 16 big-endian message words of a block.</summary>
    public static void LoadBlock(ReadOnlySpan<byte> bytes, out Sha256Block block)
    {
        block = default;
        ReadOnlySpan<byte> source = bytes[..BlockLength];
        for (var i = 0; i < 16; i++)
        {
            block[i] = BinaryPrimitives.ReadUInt32BigEndian(source[(4 * i)..]);
        }
    }

    /// <summary>Writes a state as the 32-byte big-endian digest.</summary>
    public static void StoreDigest(in Sha256State state, Span<byte> destination)
    {
        Span<byte> target = destination[..HashLength];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target[(4 * i)..], state[i]);
        }
    }

    /// <summary>Runs the compression function: folds one block into <paramref name="state"/>.</summary>
    [SkipLocalsInit]
    public static void Compress(ref Sha256State state, ref readonly Sha256Block block)
    {
        unchecked
        {
            // K[t] + W[t] for every round, so that a round reads one word and the round constants
            // need no register of their own.
            var roundInputs = stackalloc uint[64];
            ComputeRoundInputs(in block, roundInputs);

            var a = state[0];
            var b = state[1];
            var c = state[2];
            var d = state[3];
            var e = state[4];
            var f = state[5];
            var g = state[6];
            var h = state[7];

            // Each call is one round. Instead of moving a..h down after every round, the next call
            // names the variables one position on: the round's new a lands in the variable that
            // held h, its new e in the one that held d. The b XOR c of a round is the a XOR b of
            // the round before, so Round carries it along for Maj.
            var bc = b ^ c;
            for (nint t = 0; t < 64; t += 8)
            {
                Round(a, b, ref d, e, f, g, ref h, roundInputs[t], ref bc);
                Round(h, a, ref c, d, e, f, ref g, roundInputs[t + 1], ref bc);
                Round(g, h, ref b, c, d, e, ref f, roundInputs[t + 2], ref bc);
                Round(f, g, ref a, b, c, d, ref e, roundInputs[t + 3], ref bc);
                Round(e, f, ref h, a, b, c, ref d, roundInputs[t + 4], ref bc);
                Round(d, e, ref g, h, a, b, ref c, roundInputs[t + 5], ref bc);
                Round(c, d, ref f, g, h, a, ref b, roundInputs[t + 6], ref bc);
                Round(b, c, ref e, f, g, h, ref a, roundInputs[t + 7], ref bc);
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }

    // Writes K[t] + W[t] for t = 0..63, where W is the message schedule of FIPS 180-4 section
    // 6.2.2 step 1: W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16] for t >= 16.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ComputeRoundInputs(ref readonly Sha256Block block, uint* roundInputs)
    {
        unchecked
        {
            fixed (uint* k = RoundConstants)
            {
                if (!Ssse3.IsSupported)
                {
                    for (nint t = 0; t < 16; t++)
                    {
                        roundInputs[t] = block[(int)t];
                    }

                    for (nint t = 16; t < 64; t++)
                    {
                        var w = roundInputs;
                        w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
                    }

                    for (nint t = 0; t < 64; t++)
                    {
                        roundInputs[t] += k[t];
                    }

                    return;
                }

                // Four words per step, with the last sixteen words kept in registers: x0 contains
                // W[t-16..t-13], x1 W[t-12..t-9], x2 W[t-8..t-5] and x3 W[t-4..t-1]. Loading the
                // shifted windows from memory instead would read across two earlier stores, which
                // the processor cannot forward.
                ref var first = ref Unsafe.AsRef(in block[0]);
                var x0 = Vector128.LoadUnsafe(ref first);
                var x1 = Vector128.LoadUnsafe(ref first, 4);
                var x2 = Vector128.LoadUnsafe(ref first, 8);
                var x3 = Vector128.LoadUnsafe(ref first, 12);
                (x0 + Vector128.Load(k)).Store(roundInputs);
                (x1 + Vector128.Load(k + 4)).Store(roundInputs + 4);
                (x2 + Vector128.Load(k + 8)).Store(roundInputs + 8);
                (x3 + Vector128.Load(k + 12)).Store(roundInputs + 12);

                for (nint t = 16; t < 64; t += 4)
                {
                    var w15 = Ssse3.AlignRight(x1, x0, 4);
                    var w7 = Ssse3.AlignRight(x3, x2, 4);
                    var partial = x0 + SmallSigma0(w15) + w7;

                    // Words t and t+1 need sigma1 of W[t-2] and W[t-1], but words t+2 and t+3 need
                    // sigma1 of words t and t+1 from this step. So each sigma1 runs on a vector with
                    // zeros in the lanes it must not change (sigma1 of 0 is 0).
                    var low = partial + SmallSigma1(Vector128.Shuffle(x3, Vector128.Create(2u, 3u, 4u, 4u)));
                    var words = low + SmallSigma1(Vector128.Shuffle(low, Vector128.Create(4u, 4u, 0u, 1u)));
                    (words + Vector128.Load(k + t)).Store(roundInputs + t);

                    x0 = x1;
                    x1 = x2;
                    x2 = x3;
                    x3 = words;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> SmallSigma0(Vector128<uint> x) => RotateRight(x, 7) ^ RotateRight(x, 18) ^ (x >>> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> SmallSigma1(Vector128<uint> x) => RotateRight(x, 17) ^ RotateRight(x, 19) ^ (x >>> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> RotateRight(Vector128<uint> x, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateRight(x, count) : (x >>> count) | (x << (32 - count));

    // One round of FIPS 180-4 section 6.2.2 step 3. On return h contains the new a and d the new
    // e. c is not passed because Maj(a, b, c) = ((a XOR b) AND (b XOR c)) XOR b uses only b XOR c.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(uint a, uint b, ref uint d, uint e, uint f, uint g, ref uint h, uint roundInput, ref uint bc)
    {
        unchecked
        {
            var t1 = h + roundInput + Choose(e, f, g) + Sum1(e);
            var ab = a ^ b;
            d += t1;
            h = t1 + ((ab & bc) ^ b) + Sum0(a);
            bc = ab;
        }
    }

    // The three rotations are independent, which keeps the round's critical path shorter than the
    // nested form ROTR2(ROTR11(ROTR9(x) ^ x) ^ x), although that one needs fewer instructions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sum0(uint x) =>
        BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sum1(uint x) =>
        BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    // Ch(x, y, z) = (x AND y) XOR (NOT x AND z), written with one operation fewer.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Choose(uint x, uint y, uint z) => z ^ (x & (y ^ z));
}
