using System.Buffers.Binary;
using System.Text;

namespace GsoHitService.Decisions.Tests.Support;

/// <summary>
/// Builds decision payloads byte by byte from the format description, independent of the
/// production writer, so tests can pin the format and build payloads that break one rule.
/// </summary>
internal sealed class RawPayload
{
    public static readonly byte[] Label = "GSO-HIT-DECISION"u8.ToArray();

    public byte[] Magic { get; set; } = Label;

    public byte Version { get; set; } = 1;

    public byte Kind { get; set; }

    public List<(byte Tag, byte[] Value)> Fields { get; } = [];

    public byte[] Trailing { get; set; } = [];

    /// <summary>Splits a payload into header and fields.</summary>
    public static RawPayload Parse(byte[] payload)
    {
        var raw = new RawPayload { Magic = payload[..16], Version = payload[16], Kind = payload[17] };
        var position = 18;
        while (position < payload.Length)
        {
            var tag = payload[position];
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(position + 1));
            raw.Fields.Add((tag, payload.AsSpan(position + 5, length).ToArray()));
            position += 5 + length;
        }

        return raw;
    }

    public byte[] ValueOf(byte tag) => Fields.Single(field => field.Tag == tag).Value;

    public RawPayload Replace(byte tag, byte[] value)
    {
        var index = Fields.FindIndex(field => field.Tag == tag);
        Fields[index] = (tag, value);
        return this;
    }

    public byte[] ToArray()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Magic);
        bytes.Add(Version);
        bytes.Add(Kind);
        foreach (var (tag, value) in Fields)
        {
            bytes.Add(tag);
            bytes.AddRange(UInt32(value.Length));
            bytes.AddRange(value);
        }

        bytes.AddRange(Trailing);
        return [.. bytes];
    }

    public static byte[] UInt16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }

    public static byte[] UInt32(long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        return bytes;
    }

    public static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] ShortText(string text) => ShortBytes(Encoding.UTF8.GetBytes(text));

    public static byte[] ShortBytes(byte[] bytes) => [.. UInt16(bytes.Length), .. bytes];

    /// <summary>A set of ids as the encoding writes it: count, then each id, in the given order.</summary>
    public static byte[] IdSet(params string[] items) => [.. UInt16(items.Length), .. items.SelectMany(ShortText)];

    public static byte[] Token(byte type, byte fill) => [type, .. Enumerable.Repeat(fill, 32)];
}
