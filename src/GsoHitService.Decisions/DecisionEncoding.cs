using GsoHitService.Decisions.Canonical;

namespace GsoHitService.Decisions;

/// <summary>
/// Converts decisions to and from the canonical payload that kerngroep members sign.
/// </summary>
/// <remarks>
/// Version 1 of the encoding: the 16 ASCII bytes <c>GSO-HIT-DECISION</c>, one byte format version
/// (1), one byte <see cref="DecisionKind"/>, then the fields of that kind in ascending tag order,
/// each as one tag byte, a 32-bit big-endian value length and the value. Integers are big-endian,
/// times are Unix seconds (64-bit), texts are UTF-8 (inside a value with a 16-bit length), sets
/// carry a 16-bit count and are sorted ascending (texts by ordinal, tokens by type byte and then
/// token bytes) without duplicates. The layout per field is described in docs/signed-decisions.md.
/// Decoding is strict, so every decision has exactly one encoding.
/// </remarks>
public static class DecisionEncoding
{
    /// <summary>Format version that this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Largest payload that the decoder accepts, in bytes (1 MiB).</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    internal static readonly byte[] DomainLabel = "GSO-HIT-DECISION"u8.ToArray();

    /// <summary>
    /// Encodes a decision and sorts its sets into canonical order. The result is decoded again to
    /// check every rule, so every agent can decode a decision that encodes.
    /// </summary>
    /// <exception cref="ArgumentException">The decision breaks a rule: an invalid id or text, a duplicate or an empty set. The message names the field.</exception>
    public static byte[] Encode(Decision decision)
    {
        var payload = DecisionWriter.Write(decision);
        try
        {
            DecisionReader.Read(payload);
        }
        catch (DecisionFormatException exception)
        {
            throw new ArgumentException($"The decision cannot be encoded. {exception.Message}", nameof(decision), exception);
        }

        return payload;
    }

    /// <summary>Decodes a payload strictly.</summary>
    /// <exception cref="DecisionFormatException">The payload is not a valid canonical encoding; <see cref="DecisionFormatException.Error"/> names the rule.</exception>
    public static Decision Decode(ReadOnlySpan<byte> payload) => DecisionReader.Read(payload);
}
