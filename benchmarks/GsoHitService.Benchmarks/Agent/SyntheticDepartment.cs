using System.Globalization;
using System.Runtime.CompilerServices;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Benchmarks.Agent;

/// <summary>
/// A department source of made-up persons held in memory: per record a BSN, an address and a
/// surname with birth date, already canonical, so that a benchmark measures tokenizing and
/// indexing rather than parsing.
/// </summary>
internal sealed class SyntheticDepartment : IDepartmentSource
{
    private readonly MappedRecord[] _records;

    public SyntheticDepartment(int recordCount)
    {
        _records = new MappedRecord[recordCount];
        var noFields = new Dictionary<string, string>();
        for (var i = 0; i < recordCount; i++)
        {
            var number = i.ToString("D8", CultureInfo.InvariantCulture);
            _records[i] = new MappedRecord(
                i + 1,
                [
                    new CanonicalIdentifier(IdentifierType.Bsn, ["1" + number]),
                    new CanonicalIdentifier(IdentifierType.Address, [$"{1000 + (i % 9000)}AB", (1 + (i / 9000)).ToString(CultureInfo.InvariantCulture), "", ""]),
                    new CanonicalIdentifier(IdentifierType.SurnameBirthDate, ["", $"JANSEN{number}", $"19{50 + (i % 50)}0{1 + (i % 9)}1{i % 10}"]),
                ],
                noFields);
        }
    }

    public string Name => "synthetic";

    public IReadOnlyCollection<IdentifierType> IdentifierTypes { get; } = [IdentifierType.Bsn, IdentifierType.Address, IdentifierType.SurnameBirthDate];

    public IReadOnlyCollection<string> ReleasableFields => [];

    public IReadOnlyCollection<string> WatchedFiles => [];

    public int IdentifierCount => _records.Length * 3;

    public IReadOnlyList<MappedRecord> Records => _records;

    public async IAsyncEnumerable<MappedRecord> ReadAsync(ImportReport report, bool includeReleasableFields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var record in _records)
        {
            report.CountRead();
            report.CountIndexed();
            yield return record;
        }
    }
}
