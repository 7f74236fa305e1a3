using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// Encrypts and decrypts single stored values with AES-256-GCM under the data keys.
/// </summary>
/// <remarks>
/// A stored value is <c>[format 0x01][key id length][key id, ASCII][nonce, 12][tag, 16][ciphertext]</c>.
/// The associated data is the domain label, the format, the key id and the value's
/// <see cref="CiphertextBinding"/>, each length-prefixed, so a value decrypts only in the row and
/// column it was written to. Nonces are random; with 96-bit random nonces one key stays well within
/// the 2^32-message limit of NIST SP 800-38D for the volumes of one municipality.
/// </remarks>
internal sealed class StoredValueCipher(DataKeyRing keys) : IDisposable
{
    private const byte Format = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private static readonly byte[] DomainLabel = "gso-coordinator-store-value"u8.ToArray();

    // AES-GCM instances per key id, reused because a bulk signal decrypts a value per identifier and
    // setting up the key schedule each time doubled the cost. An instance serves one call at a time.
    private readonly ConcurrentDictionary<string, ConcurrentBag<AesGcm>> _ciphers = new(StringComparer.Ordinal);

    /// <summary>Encrypts a value under the current key for the given place.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, CiphertextBinding binding)
    {
        var key = keys.Current;
        var keyId = Encoding.ASCII.GetBytes(key.Id);
        var headerLength = 2 + keyId.Length;

        var stored = new byte[headerLength + NonceLength + TagLength + plaintext.Length];
        stored[0] = Format;
        stored[1] = (byte)keyId.Length;
        keyId.CopyTo(stored, 2);

        var nonce = stored.AsSpan(headerLength, NonceLength);
        var tag = stored.AsSpan(headerLength + NonceLength, TagLength);
        var ciphertext = stored.AsSpan(headerLength + NonceLength + TagLength);
        RandomNumberGenerator.Fill(nonce);

        var aes = Rent(key);
        try
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, BuildAssociatedData(keyId, binding));
        }
        finally
        {
            Return(key, aes);
        }

        return stored;
    }

    /// <summary>Encrypts UTF-8 text for the given place.</summary>
    public byte[] EncryptText(string plaintext, CiphertextBinding binding)
    {
        var bytes = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            return Encrypt(bytes, binding);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Decrypts a stored value into a new array; the caller clears it after use.
    /// </summary>
    /// <exception cref="CoordinatorStoreException">
    /// The value is malformed, names a key that the ring does not hold, or fails authentication.
    /// </exception>
    public byte[] Decrypt(ReadOnlySpan<byte> stored, CiphertextBinding binding)
    {
        if (stored.Length < 2 || stored[0] != Format)
        {
            throw Failed(binding, "it is not in the encrypted-value format");
        }

        var keyIdLength = stored[1];
        var headerLength = 2 + keyIdLength;
        if (keyIdLength == 0 || stored.Length < headerLength + NonceLength + TagLength)
        {
            throw Failed(binding, "it is truncated");
        }

        var keyIdBytes = stored.Slice(2, keyIdLength);
        var keyId = Encoding.ASCII.GetString(keyIdBytes);
        if (!DataKey.IsValidId(keyId))
        {
            throw Failed(binding, "its key id is malformed");
        }

        if (!keys.TryGet(keyId, out var key))
        {
            throw new CoordinatorStoreException(
                StoreError.DataKeyMismatch,
                $"The stored value {binding} was encrypted with data key '{keyId}', which the data-key file does not " +
                "contain. Configure the data-key file that this database was written with.");
        }

        var nonce = stored.Slice(headerLength, NonceLength);
        var tag = stored.Slice(headerLength + NonceLength, TagLength);
        var ciphertext = stored[(headerLength + NonceLength + TagLength)..];
        var plaintext = new byte[ciphertext.Length];

        var aes = Rent(key);
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, BuildAssociatedData(keyIdBytes, binding));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException exception)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw Failed(binding, $"authentication with data key '{keyId}' failed", exception);
        }
        finally
        {
            Return(key, aes);
        }
    }

    /// <summary>Decrypts a value that <see cref="EncryptText"/> wrote.</summary>
    public string DecryptText(ReadOnlySpan<byte> stored, CiphertextBinding binding)
    {
        var plaintext = Decrypt(stored, binding);
        try
        {
            return Encoding.UTF8.GetString(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Disposes the pooled AES-GCM instances, which hold copies of the keys.</summary>
    public void Dispose()
    {
        foreach (var pool in _ciphers.Values)
        {
            while (pool.TryTake(out var aes))
            {
                aes.Dispose();
            }
        }
    }

    private AesGcm Rent(DataKey key) =>
        _ciphers.GetOrAdd(key.Id, _ => []).TryTake(out var aes) ? aes : key.CreateCipher();

    private void Return(DataKey key, AesGcm aes) => _ciphers.GetOrAdd(key.Id, _ => []).Add(aes);

    private static byte[] BuildAssociatedData(ReadOnlySpan<byte> keyId, CiphertextBinding binding)
    {
        var parts = new[]
        {
            DomainLabel,
            [Format],
            keyId.ToArray(),
            Encoding.UTF8.GetBytes(binding.Table),
            Encoding.UTF8.GetBytes(binding.Column),
            Encoding.UTF8.GetBytes(binding.RowKey),
        };

        var associatedData = new byte[parts.Sum(part => 4 + part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32BigEndian(associatedData.AsSpan(offset), part.Length);
            part.CopyTo(associatedData, offset + 4);
            offset += 4 + part.Length;
        }

        return associatedData;
    }

    private static CoordinatorStoreException Failed(CiphertextBinding binding, string problem, Exception? inner = null) =>
        new(
            StoreError.DecryptionFailed,
            $"The stored value {binding} could not be decrypted: {problem}. It was changed outside the coordinator, " +
            "copied from another row, or written with another data key. Restore the database or the data-key file from backup.",
            inner);
}
