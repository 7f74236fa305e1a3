using System.Buffers.Binary;
using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Writes the primitives of the canonical encoding: big-endian integers, length-prefixed UTF-8
/// text and fields as tag, 32-bit length and value.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly MemoryStream _buffer = new();
    private long _fieldLengthPosition = -1;

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteByte(byte value) => _buffer.WriteByte(value);

    public void WriteUInt16(int value, string valueName)
    {
        if (value is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"{valueName} must be between 0 and {ushort.MaxValue}; got {value}.");
        }

        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        _buffer.Write(bytes);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void WriteInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>Writes the text's UTF-8 bytes without a length prefix (a whole field value).</summary>
    public void WriteRawText(string value, string valueName) => _buffer.Write(ToUtf8(value, valueName));

    /// <summary>Writes a 16-bit byte length and the text's UTF-8 bytes (an item inside a value).</summary>
    public void WriteShortText(string value, string valueName)
    {
        var bytes = ToUtf8(value, valueName);
        WriteUInt16(bytes.Length, $"The UTF-8 length of {valueName}");
        _buffer.Write(bytes);
    }

    public void WriteToken(TokenSortKey token)
    {
        Span<byte> bytes = stackalloc byte[TokenSortKey.EncodedLength];
        token.WriteTo(bytes);
        _buffer.Write(bytes);
    }

    /// <summary>Starts a field: writes its tag and reserves its length, which <see cref="EndField"/> fills in.</summary>
    public void BeginField(DecisionField field)
    {
        _buffer.WriteByte((byte)field);
        _fieldLengthPosition = _buffer.Position;
        WriteUInt32(0);
    }

    public void EndField()
    {
        var end = _buffer.Position;
        var length = checked((uint)(end - _fieldLengthPosition - 4));
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetBuffer().AsSpan(checked((int)_fieldLengthPosition), 4), length);
        _fieldLengthPosition = -1;
    }

    public byte[] ToArray() => _buffer.ToArray();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static byte[] ToUtf8(string value, string valueName)
    {
        ArgumentNullException.ThrowIfNull(value, valueName);
        try
        {
            return CanonicalReader.StrictUtf8.GetBytes(value);
        }
        catch (System.Text.EncoderFallbackException exception)
        {
            throw new ArgumentException($"{Capitalize(valueName)} is not valid Unicode text.", exception);
        }
    }
}
