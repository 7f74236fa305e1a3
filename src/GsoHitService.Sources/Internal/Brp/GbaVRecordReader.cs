using GsoHitService.Sources.Internal.Csv;
using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Brp;

/// <summary>
/// Reads a GBA-V persoonslijsten CSV: a row with a value in the first column starts a persoonslijst,
/// and the rows after it with an empty first column continue it (history and further occurrences).
/// One persoonslijst is one record. Its fields are the GBA elements of the starting row, which
/// contains the current data.
/// </summary>
internal sealed class GbaVRecordReader(string path, string sourceName, CsvEncoding encoding, char? delimiter) : IRecordReader
{
    private readonly CsvRecordReader _csv = new(path, sourceName, encoding, delimiter);
    private CsvRecord? _pending;
    private long _records;

    public CsvDialect? Dialect => _csv.Dialect;

    public ValueTask OpenAsync(CancellationToken cancellationToken) => _csv.OpenAsync(cancellationToken);

    public FieldAccessor Resolve(string field) => _csv.Resolve(field);

    public async ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var start = _pending ?? await ReadRowAsync(cancellationToken);
        _pending = null;
        if (start is null)
        {
            return null;
        }

        // Continuation rows belong to the persoonslijst above them; they are read and passed over.
        CsvRecord? next;
        while ((next = await ReadRowAsync(cancellationToken)) is not null && IsContinuation(next))
        {
        }

        _pending = next;
        _records++;
        var startsPersoonslijst = !IsContinuation(start);
        return new CsvRecord(_records, start.Cells)
        {
            MalformedReason = start.MalformedReason ?? (startsPersoonslijst ? null : RejectionReasons.MalformedRow),
        };
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private async ValueTask<CsvRecord?> ReadRowAsync(CancellationToken cancellationToken) =>
        (CsvRecord?)await _csv.ReadAsync(cancellationToken);

    private static bool IsContinuation(CsvRecord row) => row.Cells.Length == 0 || string.IsNullOrWhiteSpace(row.Cells[0]);
}
