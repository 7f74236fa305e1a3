using System.Text;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>
/// Windows-1252 that throws <see cref="DecoderFallbackException"/> on the five bytes the code page
/// does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D). The code page provider of .NET maps them to C1
/// control characters instead, and those bytes are typical of UTF-8 text that was declared as
/// Windows-1252, so accepting them would index mojibake.
/// </summary>
internal sealed class StrictWindows1252Encoding : Encoding
{
    private const char Undefined = '\uFFFF';

    private static readonly char[] Table = CreateTable();

    public StrictWindows1252Encoding()
        : base(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
    {
    }

    public override string WebName => "windows-1252";

    public override int GetByteCount(char[] chars, int index, int count) => count;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        throw new NotSupportedException("The CSV connectors only decode.");

    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        for (var i = 0; i < byteCount; i++)
        {
            var character = Table[bytes[byteIndex + i]];
            if (character == Undefined)
            {
                throw new DecoderFallbackException("The byte is not defined in Windows-1252.", [bytes[byteIndex + i]], byteIndex + i);
            }

            chars[charIndex + i] = character;
        }

        return byteCount;
    }

    public override int GetMaxByteCount(int charCount) => charCount;

    public override int GetMaxCharCount(int byteCount) => byteCount;

    private static char[] CreateTable()
    {
        RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Enumerable.Range(0, 256).Select(static value => (byte)value).ToArray();
        var table = GetEncoding(1252).GetChars(bytes);
        for (var i = 0x80; i <= 0x9F; i++)
        {
            if (table[i] is >= '\u0080' and <= '\u009F')
            {
                table[i] = Undefined;
            }
        }

        return table;
    }
}
