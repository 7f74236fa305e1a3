using System.Runtime.InteropServices;

namespace GsoHitService.Matching;

/// <summary>
/// A 32-byte keyed-hash match token, stored inline (no array) so that an index can hold millions
/// without an object per token. Equality compares all 32 bytes without early exit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct MatchToken : IEquatable<MatchToken>
{
    /// <summary>Length of a token in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _part0;
    private readonly ulong _part1;
    private readonly ulong _part2;
    private readonly ulong _part3;

    /// <summary>Reads a token from exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException">The span is not exactly 32 bytes long.</exception>
    public MatchToken(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A match token is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }

        var parts = MemoryMarshal.Cast<byte, ulong>(bytes);
        _part0 = parts[0];
        _part1 = parts[1];
        _part2 = parts[2];
        _part3 = parts[3];
    }

    /// <summary>The first 8 bytes as a number; tokens are uniformly distributed, so this serves as a hash.</summary>
    public ulong Prefix => _part0;

    /// <summary>Copies the token into <paramref name="destination"/>, which must hold 32 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination needs {Length} bytes.", nameof(destination));
        }

        var parts = MemoryMarshal.Cast<byte, ulong>(destination);
        parts[0] = _part0;
        parts[1] = _part1;
        parts[2] = _part2;
        parts[3] = _part3;
    }

    /// <summary>Returns the token as 64 lower-case hex digits.</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Returns the first 8 hex digits, the only form of a token that may appear in logs.</summary>
    public string ToShortString() => ToHex()[..8];

    /// <summary>Compares all 32 bytes in constant time.</summary>
    public bool Equals(MatchToken other) =>
        ((_part0 ^ other._part0) | (_part1 ^ other._part1) | (_part2 ^ other._part2) | (_part3 ^ other._part3)) == 0;

    public override bool Equals(object? obj) => obj is MatchToken other && Equals(other);

    public override int GetHashCode() => unchecked((int)(_part0 ^ (_part0 >> 32)));

    /// <summary>Returns the shortened form, so that logging a token never prints it in full.</summary>
    public override string ToString() => ToShortString();

    public static bool operator ==(MatchToken left, MatchToken right) => left.Equals(right);

    public static bool operator !=(MatchToken left, MatchToken right) => !left.Equals(right);
}
