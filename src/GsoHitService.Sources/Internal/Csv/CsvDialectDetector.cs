using System.Text;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>
/// Determines the encoding and delimiter of a CSV file from what is declared and from the file itself,
/// and only where the result is certain. Anything else is a <see cref="SourceReadException"/> that
/// names the setting to declare.
/// </summary>
internal static class CsvDialectDetector
{
    /// <summary>Records of the sample whose field counts must agree with the header.</summary>
    private const int SampleRecordCount = 200;

    /// <summary>Characters read for the sample; enough for 200 rows of all but very wide exports.</summary>
    private const int SampleCharCount = 1 << 20;

    public static async Task<CsvDialect> DetectAsync(
        string path,
        string sourceName,
        CsvEncoding declaredEncoding,
        char? declaredDelimiter,
        CancellationToken cancellationToken)
    {
        await using var stream = SourceFiles.OpenRead(path, sourceName);
        var (encoding, encodingName, bomLength) = await ChooseEncodingAsync(stream, sourceName, declaredEncoding, cancellationToken);

        stream.Position = bomLength;
        var (sample, isWholeFile) = await ReadSampleAsync(stream, encoding, encodingName, sourceName, cancellationToken);
        var records = CsvSample.SplitRecords(sample, isWholeFile);

        var hasSeparatorLine = false;
        var delimiter = declaredDelimiter;
        if (records.Count > 0 && CsvSample.ParseSeparatorLine(records[0]) is { } hinted)
        {
            delimiter = ChooseHintedDelimiter(hinted, declaredDelimiter, sourceName);
            hasSeparatorLine = true;
            records.RemoveAt(0);
        }

        if (records.Count == 0)
        {
            throw new SourceReadException(sourceName, $"The file of source '{sourceName}' is empty: it has no header row.");
        }

        delimiter ??= DetectDelimiter(records, sourceName);
        return new CsvDialect(encoding, encodingName, bomLength, delimiter.Value, hasSeparatorLine);
    }

    private static async Task<(Encoding Encoding, string Name, int BomLength)> ChooseEncodingAsync(
        Stream stream,
        string sourceName,
        CsvEncoding declared,
        CancellationToken cancellationToken)
    {
        var head = new byte[3];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var bom = head.AsSpan(0, read);

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return declared is CsvEncoding.Detect or CsvEncoding.Utf8
                ? (CsvEncodings.CreateStrict(CsvEncoding.Utf8), "utf-8", 3)
                : throw ContradictingMark(sourceName, "UTF-8", declared);
        }

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = bom[0] == 0xFE;
            return declared is CsvEncoding.Detect or CsvEncoding.Utf16
                ? (CsvEncodings.CreateStrict(CsvEncoding.Utf16, bigEndian), bigEndian ? "utf-16BE" : "utf-16LE", 2)
                : throw ContradictingMark(sourceName, "UTF-16", declared);
        }

        return declared switch
        {
            CsvEncoding.Detect or CsvEncoding.Utf8 => (CsvEncodings.CreateStrict(CsvEncoding.Utf8), "utf-8", 0),
            CsvEncoding.Windows1252 => (CsvEncodings.CreateStrict(CsvEncoding.Windows1252), "windows-1252", 0),
            _ => throw new SourceReadException(
                sourceName,
                $"The file of source '{sourceName}' has no UTF-16 byte order mark, so its byte order is unknown. Save the export with a byte order mark, or declare Csv:Encoding utf-8 or windows-1252 if it uses one of those."),
        };
    }

    private static SourceReadException ContradictingMark(string sourceName, string markEncoding, CsvEncoding declared) => new(
        sourceName,
        $"The file of source '{sourceName}' starts with a {markEncoding} byte order mark, but Csv:Encoding declares {declared}. Correct the declared encoding or the export.");

    private static async Task<(string Sample, bool IsWholeFile)> ReadSampleAsync(
        Stream stream,
        Encoding encoding,
        string encodingName,
        string sourceName,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[SampleCharCount];
        int length;
        try
        {
            length = await reader.ReadBlockAsync(buffer, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw CsvTableReader.InvalidText(sourceName, encodingName, dataRow: null);
        }

        return (new string(buffer, 0, length), length < buffer.Length);
    }

    private static char ChooseHintedDelimiter(char hinted, char? declared, string sourceName)
    {
        if (!CsvDelimiters.IsSupported(hinted))
        {
            throw new SourceReadException(
                sourceName,
                $"The sep= line of source '{sourceName}' names a delimiter that is not supported. Use ';', ',', tab or '|'.");
        }

        if (declared is { } value && value != hinted)
        {
            throw new SourceReadException(
                sourceName,
                $"The sep= line of source '{sourceName}' names another delimiter than Csv:Delimiter declares. Correct the declared delimiter or the export.");
        }

        return hinted;
    }

    private static char DetectDelimiter(List<string> records, string sourceName)
    {
        var header = records[0];
        var found = new List<char>();
        foreach (var candidate in CsvDelimiters.DetectionCandidates)
        {
            if (CsvSample.CountOutsideQuotes(header, candidate) > 0)
            {
                found.Add(candidate);
            }
        }

        if (found.Count > 1)
        {
            throw new SourceReadException(
                sourceName,
                $"The delimiter of source '{sourceName}' cannot be determined with certainty: the header row contains more than one of ';', ',' and tab. Declare Csv:Delimiter.");
        }

        var sampleEnd = Math.Min(records.Count, SampleRecordCount + 1);
        if (found.Count == 0)
        {
            // A header without any candidate is a one-column file only if no data row has one either.
            for (var row = 1; row < sampleEnd; row++)
            {
                foreach (var candidate in CsvDelimiters.DetectionCandidates)
                {
                    if (CsvSample.CountOutsideQuotes(records[row], candidate) > 0)
                    {
                        throw new SourceReadException(
                            sourceName,
                            $"The delimiter of source '{sourceName}' cannot be determined with certainty: the header row has one column but data row {row} has more. Declare Csv:Delimiter.");
                    }
                }
            }

            return ',';
        }

        var delimiter = found[0];
        var headerCount = CsvSample.CountOutsideQuotes(header, delimiter);
        for (var row = 1; row < sampleEnd; row++)
        {
            if (records[row].Length == 0)
            {
                continue;
            }

            if (CsvSample.CountOutsideQuotes(records[row], delimiter) != headerCount)
            {
                throw new SourceReadException(
                    sourceName,
                    $"The delimiter of source '{sourceName}' cannot be determined with certainty: with {CsvDelimiters.Describe(delimiter)} as delimiter, data row {row} has another number of fields than the header row. Declare Csv:Delimiter, or correct the export.");
            }
        }

        return delimiter;
    }
}
