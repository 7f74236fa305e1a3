using System.Text;
using nietras.SeparatedValues;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>One data row of a CSV file: its 1-based number among the data rows and its fields as text.</summary>
internal sealed record CsvRow(long Number, string[] Cells);

/// <summary>
/// Reads a CSV file in a known dialect with Sep: the header row, then every data row with all fields
/// as text. Quoted fields are unquoted; no value is trimmed, typed or converted.
/// </summary>
internal sealed class CsvTableReader : IDisposable
{
    private readonly string _sourceName;
    private readonly CsvDialect _dialect;
    private readonly StreamReader _text;
    private readonly SepReader _sep;
    private long _dataRows;

    private CsvTableReader(string sourceName, CsvDialect dialect, StreamReader text, SepReader sep, string[] header)
    {
        _sourceName = sourceName;
        _dialect = dialect;
        _text = text;
        _sep = sep;
        Header = header;
    }

    /// <summary>Column names of the header row, trimmed, with a byte order mark that an export doubled removed.</summary>
    public IReadOnlyList<string> Header { get; }

    public static async Task<CsvTableReader> OpenAsync(string path, string sourceName, CsvDialect dialect, CancellationToken cancellationToken)
    {
        var stream = SourceFiles.OpenRead(path, sourceName);
        stream.Position = dialect.ByteOrderMarkLength;
        var text = new StreamReader(stream, dialect.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        SepReader? sep = null;
        try
        {
            if (dialect.HasSeparatorLine)
            {
                // Excel's "sep=;" line is a hint for the reader, not a row of the table.
                await text.ReadLineAsync(cancellationToken);
            }

            sep = await Sep.New(dialect.Delimiter)
                .Reader(options => options with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
                .FromAsync(text, leaveOpen: true, cancellationToken);

            if (!await sep.MoveNextAsync(cancellationToken))
            {
                throw new SourceReadException(sourceName, $"The file of source '{sourceName}' is empty: it has no header row.");
            }

            var header = CopyRow(sep);
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = header[i].Trim().TrimStart('\uFEFF');
            }

            return new CsvTableReader(sourceName, dialect, text, sep, header);
        }
        catch (Exception exception)
        {
            sep?.Dispose();
            text.Dispose();
            if (exception is DecoderFallbackException)
            {
                throw InvalidText(sourceName, dialect.EncodingName, dataRow: null);
            }

            throw;
        }
    }

    /// <summary>Reads the next data row, skipping blank lines; null at the end of the file.</summary>
    public async ValueTask<CsvRow?> ReadRowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool hasRow;
            try
            {
                hasRow = await _sep.MoveNextAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw InvalidText(_sourceName, _dialect.EncodingName, _dataRows + 1);
            }
            catch (IOException exception)
            {
                throw new SourceReadException(_sourceName, $"Reading the file of source '{_sourceName}' failed after data row {_dataRows}.", exception);
            }

            if (!hasRow)
            {
                return null;
            }

            var cells = CopyRow(_sep);
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            _dataRows++;
            return new CsvRow(_dataRows, cells);
        }
    }

    public void Dispose()
    {
        _sep.Dispose();
        _text.Dispose();
    }

    /// <summary>
    /// The error for bytes that the encoding does not define. It names no byte, because the bytes are
    /// part of a value.
    /// </summary>
    internal static SourceReadException InvalidText(string sourceName, string encodingName, long? dataRow)
    {
        var where = dataRow is { } row ? $" (at data row {row})" : "";
        var advice = encodingName == "utf-8"
            ? "If the export uses Windows-1252, declare Csv:Encoding 'windows-1252'; otherwise correct the export."
            : "Declare the encoding that the export really uses, or correct the export.";
        return new SourceReadException(
            sourceName,
            $"The file of source '{sourceName}' is not valid {encodingName} text{where}, so none of it was indexed. {advice}");
    }

    private static string[] CopyRow(SepReader reader)
    {
        var row = reader.Current;
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }

        return cells;
    }
}
