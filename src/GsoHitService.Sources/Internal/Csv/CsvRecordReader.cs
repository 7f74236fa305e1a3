using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Csv;

/// <summary>A CSV data row as a record; a row with another field count than the header is malformed.</summary>
internal sealed class CsvRecord(long number, string[] cells) : SourceRecord(number)
{
    public string[] Cells { get; } = cells;
}

/// <summary>Reads the value of one column of a <see cref="CsvRecord"/>.</summary>
internal sealed class CsvColumnAccessor(string field, int index) : FieldAccessor(field)
{
    public override void AddValues(SourceRecord record, List<FieldValue> values)
    {
        var cells = ((CsvRecord)record).Cells;
        if (index < cells.Length && !string.IsNullOrWhiteSpace(cells[index]))
        {
            values.Add(FieldValue.FromText(cells[index]));
        }
    }
}

/// <summary>Reads a CSV source: dialect first, then one record per data row.</summary>
internal sealed class CsvRecordReader(string path, string sourceName, CsvEncoding encoding, char? delimiter) : IRecordReader
{
    private CsvTableReader? _table;
    private ColumnIndex? _columns;

    /// <summary>The dialect in use after <see cref="OpenAsync"/>.</summary>
    public CsvDialect? Dialect { get; private set; }

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        Dialect = await CsvDialectDetector.DetectAsync(path, sourceName, encoding, delimiter, cancellationToken);
        _table = await CsvTableReader.OpenAsync(path, sourceName, Dialect, cancellationToken);
        _columns = new ColumnIndex(_table.Header, sourceName);
    }

    public FieldAccessor Resolve(string field) => new CsvColumnAccessor(field, Columns.Resolve(field));

    public async ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var table = _table ?? throw new InvalidOperationException("The reader is not open.");
        if (await table.ReadRowAsync(cancellationToken) is not { } row)
        {
            return null;
        }

        return new CsvRecord(row.Number, row.Cells)
        {
            MalformedReason = row.Cells.Length == Columns.Count ? null : RejectionReasons.MalformedRow,
        };
    }

    public ValueTask DisposeAsync()
    {
        _table?.Dispose();
        return ValueTask.CompletedTask;
    }

    private ColumnIndex Columns => _columns ?? throw new InvalidOperationException("The reader is not open.");
}
