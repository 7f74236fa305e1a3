using System.Security.Cryptography;
using System.Text;
using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// Turns composite values into the bytes that <see cref="StoredValueCipher"/> encrypts, and back.
/// Each encoding starts with a layout byte so that it can change later; strings are UTF-8 with a
/// 7-bit-encoded length prefix, as <see cref="BinaryWriter"/> writes them.
/// </summary>
internal static class PlaintextCodec
{
    private const byte IdentifierFieldsLayout = 1;
    private const byte ReleasedRecordLayout = 1;

    /// <summary>Encodes the canonical fields of an identifier; the caller clears the result after use.</summary>
    public static byte[] EncodeIdentifierFields(IReadOnlyList<string> fields) =>
        Encode(writer =>
        {
            writer.Write(IdentifierFieldsLayout);
            writer.Write7BitEncodedInt(fields.Count);
            foreach (var field in fields)
            {
                writer.Write(field);
            }
        });

    public static IReadOnlyList<string> DecodeIdentifierFields(byte[] plaintext) =>
        Decode(plaintext, IdentifierFieldsLayout, reader =>
        {
            var count = ReadCount(reader);
            var fields = new string[count];
            for (var i = 0; i < count; i++)
            {
                fields[i] = reader.ReadString();
            }

            return fields;
        });

    /// <summary>Encodes a released record's source and fields, sorted by field name so that equal records encode equally.</summary>
    public static byte[] EncodeReleasedRecord(ReleasedRecord record) =>
        Encode(writer =>
        {
            writer.Write(ReleasedRecordLayout);
            writer.Write(record.Source);
            writer.Write7BitEncodedInt(record.Fields.Count);
            foreach (var (name, value) in record.Fields.OrderBy(field => field.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }
        });

    public static (string Source, IReadOnlyDictionary<string, string> Fields) DecodeReleasedRecord(byte[] plaintext) =>
        Decode(plaintext, ReleasedRecordLayout, reader =>
        {
            var source = reader.ReadString();
            var count = ReadCount(reader);
            var fields = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                fields[name] = reader.ReadString();
            }

            return (source, (IReadOnlyDictionary<string, string>)fields);
        });

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        try
        {
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                write(writer);
            }

            return stream.ToArray();
        }
        finally
        {
            // The stream's buffer held the plaintext too.
            CryptographicOperations.ZeroMemory(stream.GetBuffer());
        }
    }

    private static T Decode<T>(byte[] plaintext, byte layout, Func<BinaryReader, T> read)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(plaintext, writable: false), Encoding.UTF8);
            var actualLayout = reader.ReadByte();
            if (actualLayout != layout)
            {
                throw new InvalidDataException($"The decrypted value has layout {actualLayout}, but {layout} was expected.");
            }

            var value = read(reader);
            if (reader.BaseStream.Position != plaintext.Length)
            {
                throw new InvalidDataException("The decrypted value has bytes after its last field.");
            }

            return value;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The decrypted value ends before its last field.", exception);
        }
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > reader.BaseStream.Length)
        {
            throw new InvalidDataException($"The decrypted value has an impossible item count {count}.");
        }

        return count;
    }
}
