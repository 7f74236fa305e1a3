using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching;

/// <summary>
/// Computes match tokens of scheme v1 under one matching key: token = HMAC-SHA256(K_t, encoding),
/// where K_t is the key of the identifier's type derived with HKDF-SHA256 and the encoding is
/// <see cref="CanonicalEncoding"/>. Thread-safe, except that <see cref="Dispose"/> must not run
/// while other threads still compute tokens.
/// </summary>
public sealed class MatchTokenizer : IDisposable
{
    // Encodings up to this length are built on the stack; longer ones (long surnames) use a pooled array.
    private const int StackEncodingLength = 256;

    // Precomputed HMAC states per type, indexed by the type's wire number. Pinned, so that the
    // garbage collector leaves no copies of this key material, and zeroed on Dispose.
    private readonly HmacSha256Key[] _typeKeys;

    private int _disposed;

    /// <summary>Derives the per-type keys from <paramref name="key"/>; the tokenizer does not take ownership of it.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="key"/> is disposed.</exception>
    public MatchTokenizer(MatchingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        KeyEpoch = key.EpochId;
        _typeKeys = GC.AllocateArray<HmacSha256Key>(IdentifierTypes.All.Max(type => (int)type) + 1, pinned: true);

        Span<byte> typeKey = stackalloc byte[TokenKeyDerivation.TypeKeyLength];
        try
        {
            foreach (var type in IdentifierTypes.All)
            {
                TokenKeyDerivation.DeriveTypeKey(key.GetKeyBytes(), type, typeKey);
                HmacSha256.Precompute(typeKey, out _typeKeys[(byte)type]);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(typeKey);
        }
    }

    /// <summary>Id of the key epoch the tokens are computed under.</summary>
    public string KeyEpoch { get; }

    /// <summary>Computes the token of a canonical identifier.</summary>
    /// <exception cref="ArgumentException">
    /// The identifier's type is not defined, or it has the wrong number of fields for its type.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The tokenizer is disposed.</exception>
    public MatchToken ComputeToken(CanonicalIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ThrowIfWrongFieldCount(identifier);

        var length = CanonicalEncoding.GetByteCount(identifier);
        byte[]? rented = null;
        var encoding = length <= StackEncodingLength
            ? stackalloc byte[StackEncodingLength]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = CanonicalEncoding.Write(identifier, encoding);
            return ComputeTokenFromEncoding(encoding[..written]);
        }
        finally
        {
            // The encoding contains the identifier in clear text.
            CryptographicOperations.ZeroMemory(encoding[..length]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Computes the tokens of many identifiers, for bulk index builds: where 256-bit vectors are
    /// hardware accelerated, eight tokens are hashed at once (encodings of at most 55 bytes, which
    /// covers every type except long surnames). Each token equals the one that
    /// <see cref="ComputeToken(CanonicalIdentifier)"/> returns.
    /// </summary>
    /// <param name="identifiers">The identifiers.</param>
    /// <param name="destination">Receives the token of identifier i at index i.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="identifiers"/>, or an identifier
    /// is invalid as for <see cref="ComputeToken(CanonicalIdentifier)"/>; the destination's content
    /// is then undefined.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The tokenizer is disposed.</exception>
    [SkipLocalsInit]
    public void ComputeTokens(ReadOnlySpan<CanonicalIdentifier> identifiers, Span<MatchToken> destination)
    {
        if (destination.Length < identifiers.Length)
        {
            throw new ArgumentException($"The destination has room for {destination.Length} tokens; {identifiers.Length} are needed.", nameof(destination));
        }

        if (!Sha256x8.IsSupported)
        {
            for (var i = 0; i < identifiers.Length; i++)
            {
                destination[i] = ComputeToken(identifiers[i]);
            }

            return;
        }

        var batch = default(HmacSha256Batch);
        Span<int> laneIndexes = stackalloc int[HmacSha256Batch.Lanes];
        Span<byte> encoding = stackalloc byte[HmacSha256.MaxSingleBlockMessageLength];
        var lanes = 0;
        try
        {
            for (var i = 0; i < identifiers.Length; i++)
            {
                var identifier = identifiers[i];
                ArgumentNullException.ThrowIfNull(identifier, nameof(identifiers));
                ThrowIfWrongFieldCount(identifier);

                // Longer encodings need more than one block; they are rare and take the scalar path.
                if (CanonicalEncoding.GetByteCount(identifier) > HmacSha256.MaxSingleBlockMessageLength)
                {
                    destination[i] = ComputeToken(identifier);
                    continue;
                }

                var written = CanonicalEncoding.Write(identifier, encoding);
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                batch.SetLane(lanes, in _typeKeys[(byte)identifier.Type], encoding[..written]);
                laneIndexes[lanes++] = i;
                if (lanes == HmacSha256Batch.Lanes)
                {
                    ComputeBatch(ref batch, laneIndexes, destination);
                    lanes = 0;
                }
            }

            if (lanes > 0)
            {
                ComputeBatch(ref batch, laneIndexes[..lanes], destination);
            }
        }
        finally
        {
            // The batch contains key states and the encodings of the last identifiers.
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<HmacSha256Batch>(ref batch)));
            CryptographicOperations.ZeroMemory(encoding);
        }
    }

    /// <summary>
    /// Normalises a value and computes its token without allocating (for ASCII input of the
    /// single-field types; see <see cref="IdentifierNormalizer.TryWriteEncoded"/>). Returns
    /// <see langword="false"/> with the broken rule when the value is invalid; an invalid value is
    /// never hashed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The tokenizer is disposed.</exception>
    [SkipLocalsInit]
    public bool TryComputeToken(
        IdentifierType type,
        ReadOnlySpan<char> value,
        ColumnOptions options,
        out MatchToken token,
        out IdentifierError error)
    {
        Span<byte> encoding = stackalloc byte[IdentifierNormalizer.MaxEncodedLength];
        if (!IdentifierNormalizer.TryWriteEncoded(type, value, options, encoding, out var written, out var failedRule))
        {
            token = default;
            error = new IdentifierError(type, failedRule);
            return false;
        }

        try
        {
            token = ComputeTokenFromEncoding(encoding[..written]);
            error = default;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoding[..written]);
        }
    }

    /// <summary>Zeroes the derived key material. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_typeKeys.AsSpan()));
        }
    }

    /// <summary>Returns the key epoch only.</summary>
    public override string ToString() => $"MatchTokenizer(epoch {KeyEpoch})";

    /// <summary>
    /// Computes the token of an identifier that is already in its <see cref="CanonicalEncoding"/>;
    /// the type key follows from the encoding's type byte.
    /// </summary>
    /// <exception cref="ArgumentException">The encoding does not start with scheme v1 and a defined type.</exception>
    internal MatchToken ComputeTokenFromEncoding(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length < 2 || encoding[0] != TokenScheme.Version || !IdentifierTypes.IsDefined(encoding[1], out _))
        {
            throw new ArgumentException(
                $"A canonical encoding starts with scheme version {TokenScheme.Version} and a defined identifier type.",
                nameof(encoding));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        HmacSha256.Compute(in _typeKeys[encoding[1]], encoding, out var mac);

        // Dispose zeroes the keys after setting the flag, so a token computed meanwhile may be wrong.
        // Such a token must not reach a caller, who would report a wrong "no hit".
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return ToToken(in mac);
    }

    // Lanes past laneIndexes.Length contain data of an earlier group. They are computed too, and
    // their results are ignored.
    private void ComputeBatch(ref HmacSha256Batch batch, ReadOnlySpan<int> laneIndexes, Span<MatchToken> destination)
    {
        batch.Compute();

        // A concurrent Dispose may have zeroed the keys during Compute, so check again as
        // ComputeTokenFromEncoding does.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var lane = 0; lane < laneIndexes.Length; lane++)
        {
            batch.GetMac(lane, out var mac);
            destination[laneIndexes[lane]] = ToToken(in mac);
        }
    }

    private static MatchToken ToToken(in Sha256State mac)
    {
        Span<byte> bytes = stackalloc byte[MatchToken.Length];
        Sha256.StoreDigest(in mac, bytes);
        return new MatchToken(bytes);
    }

    // The encoding has no field count of its own, so a wrong count would give a valid-looking token
    // that never matches. The counts follow CanonicalIdentifier.Fields.
    private static void ThrowIfWrongFieldCount(CanonicalIdentifier identifier)
    {
        if (!IdentifierTypes.IsDefined((int)identifier.Type, out _))
        {
            throw new ArgumentException($"Identifier type {(int)identifier.Type} is not defined.", nameof(identifier));
        }

        var expected = identifier.Type switch
        {
            IdentifierType.Address => 4,
            IdentifierType.SurnameBirthDate => 3,
            _ => 1,
        };
        if (identifier.Fields.Count != expected)
        {
            throw new ArgumentException(
                $"A canonical {IdentifierTypes.ToName(identifier.Type)} has {expected} field(s); got {identifier.Fields.Count}.",
                nameof(identifier));
        }
    }
}
