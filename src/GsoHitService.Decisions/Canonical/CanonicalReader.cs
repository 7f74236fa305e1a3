using System.Buffers.Binary;
using System.Text;
using GsoHitService.Decisions.Internal;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Reads the primitives of the canonical encoding and throws <see cref="DecisionFormatException"/>
/// on anything that is not exactly valueName the writer produces.
/// </summary>
internal ref struct CanonicalReader(ReadOnlySpan<byte> bytes, string context)
{
    /// <summary>UTF-8 that throws on invalid bytes and lone surrogates instead of replacing them.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool IsAtEnd => _position == _bytes.Length;

    public readonly int Remaining => _bytes.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Reads the rest of the value as an id.</summary>
    public string ReadRawId(string valueName) => ToId(Take(Remaining), valueName);

    /// <summary>Reads the rest of the value as free text.</summary>
    public string ReadRawFreeText(string valueName)
    {
        var text = Decode(Take(Remaining), valueName);
        var problem = TextRules.CheckFreeText(text);
        return problem is null ? text : throw Fail(DecisionFormatError.InvalidText, $"{valueName} {problem}.");
    }

    /// <summary>Reads a 16-bit length and that many bytes as an id.</summary>
    public string ReadShortId(string valueName)
    {
        var length = ReadUInt16();
        return ToId(Take(length), valueName);
    }

    public SubjectToken ReadToken(string valueName)
    {
        var typeValue = ReadByte();
        if (!IdentifierTypes.IsDefined(typeValue, out var type))
        {
            throw Fail(DecisionFormatError.InvalidValue, $"{valueName} has the undefined identifier type {typeValue}.");
        }

        return new SubjectToken(type.Value, new MatchToken(Take(MatchToken.Length)));
    }

    /// <summary>Checks that the value was read completely.</summary>
    public readonly void ExpectEnd(string valueName)
    {
        if (!IsAtEnd)
        {
            throw Fail(DecisionFormatError.FieldLengthMismatch, $"{valueName} is {Remaining} bytes longer than its content.");
        }
    }

    public readonly DecisionFormatException Fail(DecisionFormatError error, string message) =>
        new(error, $"{context}: {message}");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Fail(DecisionFormatError.Truncated, $"the data ends {count - Remaining} bytes too early.");
        }

        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    private readonly string ToId(ReadOnlySpan<byte> bytes, string valueName)
    {
        var text = Decode(bytes, valueName);
        var problem = TextRules.CheckId(text);
        return problem is null ? text : throw Fail(DecisionFormatError.InvalidText, $"{valueName} {problem}.");
    }

    private readonly string Decode(ReadOnlySpan<byte> bytes, string valueName)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(DecisionFormatError.InvalidText, $"{valueName} is not valid UTF-8.");
        }
    }
}
