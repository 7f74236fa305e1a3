using System.Buffers.Binary;
using System.Text;

namespace GsoHitService.Matching;

/// <summary>
/// The unambiguous byte encoding of a canonical identifier that token scheme v1 hashes:
/// one byte scheme version, one byte identifier type, then per canonical field a 16-bit
/// big-endian byte length and the field's UTF-8 bytes. Each type has a fixed number of fields,
/// so two different values, or equal digits of two types, never give the same bytes.
/// </summary>
public static class CanonicalEncoding
{
    /// <summary>Largest canonical field, in UTF-8 bytes, that the encoding accepts.</summary>
    public const int MaxFieldBytes = 1024;

    /// <summary>Gets the encoded length of an identifier.</summary>
    public static int GetByteCount(CanonicalIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);

        var count = 2;
        foreach (var field in identifier.Fields)
        {
            count += 2 + GetFieldByteCount(field);
        }

        return count;
    }

    /// <summary>Writes the encoding into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(CanonicalIdentifier identifier, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(identifier);

        destination[0] = TokenScheme.Version;
        destination[1] = (byte)identifier.Type;
        var offset = 2;
        foreach (var field in identifier.Fields)
        {
            var length = Encoding.UTF8.GetBytes(field, destination[(offset + 2)..]);
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)length);
            offset += 2 + length;
        }

        return offset;
    }

    /// <summary>Returns the encoding as a new array.</summary>
    public static byte[] ToArray(CanonicalIdentifier identifier)
    {
        var bytes = new byte[GetByteCount(identifier)];
        Write(identifier, bytes);
        return bytes;
    }

    private static int GetFieldByteCount(string field)
    {
        var length = Encoding.UTF8.GetByteCount(field);
        if (length > MaxFieldBytes)
        {
            throw new ArgumentException($"A canonical field is at most {MaxFieldBytes} UTF-8 bytes; got {length}.", nameof(field));
        }

        return length;
    }
}
