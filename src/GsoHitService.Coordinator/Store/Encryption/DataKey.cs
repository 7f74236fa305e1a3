using System.Security.Cryptography;

namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// One AES-256 key that encrypts stored values. Opaque: the key bytes stay in a pinned array that
/// <see cref="Dispose"/> clears, and <see cref="ToString"/> shows only the id.
/// </summary>
internal sealed class DataKey : IDisposable
{
    /// <summary>Length of the key material in bytes (AES-256).</summary>
    public const int KeyLength = 32;

    /// <summary>Maximum length of a key id in ASCII characters; it is stored with every value.</summary>
    public const int MaxIdLength = 32;

    private readonly byte[] _key;
    private bool _disposed;

    private DataKey(string id, DateTimeOffset createdAt, byte[] pinnedKey)
    {
        Id = id;
        CreatedAt = createdAt;
        _key = pinnedKey;
    }

    /// <summary>Key id: lowercase hex, stored in the header of every value encrypted with this key.</summary>
    public string Id { get; }

    /// <summary>When the key was generated (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Generates a new random key with a random 16-hex-digit id.</summary>
    public static DataKey Generate(DateTimeOffset createdAt)
    {
        var key = GC.AllocateArray<byte>(KeyLength, pinned: true);
        RandomNumberGenerator.Fill(key);

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new DataKey(id, createdAt, key);
    }

    /// <summary>Copies key material into a new key; the caller clears its own copy.</summary>
    public static DataKey FromBytes(string id, DateTimeOffset createdAt, ReadOnlySpan<byte> keyMaterial)
    {
        if (keyMaterial.Length != KeyLength)
        {
            throw new ArgumentException($"A data key must be {KeyLength} bytes long, not {keyMaterial.Length}.", nameof(keyMaterial));
        }

        if (!IsValidId(id))
        {
            throw new ArgumentException(
                $"A data-key id must be 1 to {MaxIdLength} ASCII letters, digits or '-'.",
                nameof(id));
        }

        var key = GC.AllocateArray<byte>(KeyLength, pinned: true);
        keyMaterial.CopyTo(key);
        return new DataKey(id, createdAt, key);
    }

    /// <summary>Checks a key id: 1 to <see cref="MaxIdLength"/> ASCII letters, digits or '-'.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Creates an AES-GCM instance for one operation; the caller disposes it.</summary>
    public AesGcm CreateCipher()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
    }

    /// <summary>Writes the key material as base64 for the data-key file.</summary>
    public void WriteBase64(System.Text.Json.Utf8JsonWriter writer, string propertyName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        writer.WriteBase64String(propertyName, _key);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }

    public override string ToString() => $"DataKey({Id})";
}
