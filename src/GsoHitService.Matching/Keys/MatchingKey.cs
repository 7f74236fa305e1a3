using System.Diagnostics;
using System.Security.Cryptography;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching;

/// <summary>
/// The municipality's secret for keyed-hash tokens in one epoch. Opaque: no public member exposes
/// the key bytes, and <see cref="ToString"/> and the debugger show only the epoch id. The bytes live
/// in a pinned array, so the garbage collector leaves no copies behind, and are zeroed on
/// <see cref="Dispose"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class MatchingKey : IDisposable
{
    /// <summary>Length of the key material in bytes (256 bits).</summary>
    public const int KeyLength = 32;

    /// <summary>Maximum length of an epoch id in characters.</summary>
    public const int MaxEpochIdLength = 32;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _key;

    private int _disposed;

    private MatchingKey(string epochId, byte[] pinnedKey)
    {
        EpochId = epochId;
        _key = pinnedKey;
    }

    /// <summary>Id of the key epoch, for example <c>2026-12</c>.</summary>
    public string EpochId { get; }

    /// <summary>
    /// Key check value as 16 lower-case hex digits: identifies the key without revealing it, so
    /// that administrators can confirm that the coordinator and an agent hold the same key.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key is disposed.</exception>
    public string CheckValue => Convert.ToHexStringLower(ComputeCheckValue());

    /// <summary>Creates a new random key for an epoch.</summary>
    /// <exception cref="ArgumentException"><paramref name="epochId"/> is not a valid epoch id.</exception>
    public static MatchingKey Generate(string epochId)
    {
        ThrowIfInvalidEpochId(epochId);

        var key = GC.AllocateUninitializedArray<byte>(KeyLength, pinned: true);
        RandomNumberGenerator.Fill(key);
        return new MatchingKey(epochId, key);
    }

    /// <summary>
    /// Checks an epoch id: 1 to 32 ASCII letters, digits, dots, dashes or underscores, starting with
    /// a letter or digit. The id is written into key files and logs, so it may not carry line breaks
    /// or other characters that could forge a line.
    /// </summary>
    public static bool IsValidEpochId(string? epochId)
    {
        if (string.IsNullOrEmpty(epochId) || epochId.Length > MaxEpochIdLength || !char.IsAsciiLetterOrDigit(epochId[0]))
        {
            return false;
        }

        foreach (var character in epochId)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Zeroes the key bytes. Later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CryptographicOperations.ZeroMemory(_key);
        }
    }

    /// <summary>Returns the epoch id only, so that logging a key never prints key material.</summary>
    public override string ToString() => $"MatchingKey(epoch {EpochId})";

    /// <summary>Creates a key from existing bytes, for key files and fixed test keys.</summary>
    /// <exception cref="ArgumentException">The epoch id is invalid or the key is not 32 bytes long.</exception>
    internal static MatchingKey Import(string epochId, ReadOnlySpan<byte> keyBytes)
    {
        ThrowIfInvalidEpochId(epochId);
        if (keyBytes.Length != KeyLength)
        {
            throw new ArgumentException($"A matching key is {KeyLength} bytes; got {keyBytes.Length}.", nameof(keyBytes));
        }

        var key = GC.AllocateUninitializedArray<byte>(KeyLength, pinned: true);
        keyBytes.CopyTo(key);
        return new MatchingKey(epochId, key);
    }

    /// <summary>Gives the key bytes to the token code inside this assembly; valid until <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> GetKeyBytes()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _key;
    }

    /// <summary>
    /// Computes the key check value: 8 bytes that identify the key without revealing it, so that a
    /// key file can be checked for damage and two installations can confirm they hold the same key.
    /// </summary>
    internal byte[] ComputeCheckValue()
    {
        var checkValue = new byte[TokenKeyDerivation.CheckValueLength];
        TokenKeyDerivation.DeriveCheckValue(GetKeyBytes(), checkValue);
        return checkValue;
    }

    private static void ThrowIfInvalidEpochId(string epochId)
    {
        ArgumentNullException.ThrowIfNull(epochId);
        if (!IsValidEpochId(epochId))
        {
            throw new ArgumentException(
                $"Invalid epoch id '{epochId}': an epoch id is 1 to {MaxEpochIdLength} ASCII letters, digits, dots, dashes or underscores, starting with a letter or digit, for example 2026-12.",
                nameof(epochId));
        }
    }
}
