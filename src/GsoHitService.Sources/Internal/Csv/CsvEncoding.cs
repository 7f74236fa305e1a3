using System.Text;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>Text encoding that a CSV source declares, or <see cref="Detect"/>.</summary>
internal enum CsvEncoding
{
    /// <summary>Not declared: UTF-8 with or without byte order mark, or UTF-16 with one.</summary>
    Detect = 0,
    Utf8,
    Windows1252,

    /// <summary>UTF-16; the byte order mark gives the byte order, so it is required.</summary>
    Utf16,
}

/// <summary>Names of CSV encodings in configuration, and decoders that throw on invalid bytes.</summary>
internal static class CsvEncodings
{
    /// <summary>Parses <c>Csv:Encoding</c>; empty means <see cref="CsvEncoding.Detect"/>.</summary>
    public static bool TryParse(string? name, out CsvEncoding encoding)
    {
        encoding = name?.Trim().ToLowerInvariant() switch
        {
            null or "" => CsvEncoding.Detect,
            "utf-8" or "utf8" => CsvEncoding.Utf8,
            "windows-1252" or "cp1252" or "1252" => CsvEncoding.Windows1252,
            "utf-16" or "utf16" => CsvEncoding.Utf16,
            _ => (CsvEncoding)(-1),
        };
        return Enum.IsDefined(encoding);
    }

    /// <summary>
    /// A decoder that throws <see cref="DecoderFallbackException"/> on bytes that are not valid in the
    /// encoding, so that no value is ever read with U+FFFD in place of a character.
    /// </summary>
    public static Encoding CreateStrict(CsvEncoding encoding, bool bigEndian = false) => encoding switch
    {
        CsvEncoding.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        CsvEncoding.Windows1252 => new StrictWindows1252Encoding(),
        CsvEncoding.Utf16 => new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Only a resolved encoding has a decoder."),
    };
}
