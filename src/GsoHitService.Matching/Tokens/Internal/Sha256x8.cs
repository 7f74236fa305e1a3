using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// The SHA-256 compression function of FIPS 180-4 on eight independent messages at once, one per
/// 32-bit lane of a 256-bit vector. Word j of every lane's state and block sits in vector j, so
/// the rounds are the scalar rounds with each word widened to a vector.
/// </summary>
/// <remarks>
/// Used for batches of tokens, where eight messages are at hand. A single token still takes the
/// scalar <see cref="Sha256"/>. On processors with AVX-512VL the rotations are one instruction.
/// </remarks>
internal static unsafe class Sha256x8
{
    /// <summary>Number of messages compressed together.</summary>
    public const int Lanes = 8;

    /// <summary>Whether 256-bit vectors are hardware accelerated; without them batches fall back to the scalar code.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Folds one block per lane into the lanes' states.</summary>
    /// <param name="state">Eight vectors: vector j holds state word j of every lane.</param>
    /// <param name="block">Sixteen vectors: vector j holds message word j of every lane.</param>
    [SkipLocalsInit]
    public static void Compress(Vector256<uint>* state, Vector256<uint>* block)
    {
        var w = stackalloc Vector256<uint>[64];
        ExpandSchedule(block, w);

        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];

        // The same renaming and Maj shortcut as the scalar rounds in Sha256.Compress.
        var bc = b ^ c;
        fixed (uint* k = Sha256.RoundConstants)
        {
            for (nint t = 0; t < 64; t += 8)
            {
                Round(a, b, ref d, e, f, g, ref h, RoundInput(w, k, t), ref bc);
                Round(h, a, ref c, d, e, f, ref g, RoundInput(w, k, t + 1), ref bc);
                Round(g, h, ref b, c, d, e, ref f, RoundInput(w, k, t + 2), ref bc);
                Round(f, g, ref a, b, c, d, ref e, RoundInput(w, k, t + 3), ref bc);
                Round(e, f, ref h, a, b, c, ref d, RoundInput(w, k, t + 4), ref bc);
                Round(d, e, ref g, h, a, b, ref c, RoundInput(w, k, t + 5), ref bc);
                Round(c, d, ref f, g, h, a, ref b, RoundInput(w, k, t + 6), ref bc);
                Round(b, c, ref e, f, g, h, ref a, RoundInput(w, k, t + 7), ref bc);
            }
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

    // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16]. Each lane is its own message, so
    // unlike the scalar code there is no dependency between neighbouring words of one vector.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ExpandSchedule(Vector256<uint>* block, Vector256<uint>* w)
    {
        for (nint t = 0; t < 16; t++)
        {
            w[t] = block[t];
        }

        for (nint t = 16; t < 64; t++)
        {
            var w2 = w[t - 2];
            var w15 = w[t - 15];
            var sigma1 = RotateRight(w2, 17) ^ RotateRight(w2, 19) ^ (w2 >>> 10);
            var sigma0 = RotateRight(w15, 7) ^ RotateRight(w15, 18) ^ (w15 >>> 3);
            w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RoundInput(Vector256<uint>* w, uint* k, nint t) => w[t] + Vector256.Create(k[t]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        Vector256<uint> a, Vector256<uint> b, ref Vector256<uint> d, Vector256<uint> e, Vector256<uint> f, Vector256<uint> g,
        ref Vector256<uint> h, Vector256<uint> roundInput, ref Vector256<uint> bc)
    {
        var sum1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
        var choose = g ^ (e & (f ^ g));
        var t1 = h + roundInput + choose + sum1;
        var ab = a ^ b;
        var sum0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
        d += t1;
        h = t1 + ((ab & bc) ^ b) + sum0;
        bc = ab;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateRight(Vector256<uint> x, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateRight(x, count) : (x >>> count) | (x << (32 - count));
}
