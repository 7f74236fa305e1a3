using System.Text;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>
/// How to read one CSV file: its decoder, the length of the byte order mark to skip, the delimiter,
/// and whether the first line is Excel's <c>sep=</c> hint.
/// </summary>
internal sealed record CsvDialect(Encoding Encoding, string EncodingName, int ByteOrderMarkLength, char Delimiter, bool HasSeparatorLine)
{
    /// <summary>Name of the delimiter for logs and messages.</summary>
    public string DelimiterName => CsvDelimiters.Describe(Delimiter);
}
