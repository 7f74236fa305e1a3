using GsoHitService.Matching;

namespace GsoHitService.Sources;

/// <summary>
/// A relevant source record after mapping: its valid identifiers, including the variants that the
/// source implies (for example a surname with and without the partner's name), and, only when
/// asked for, its releasable field values.
/// </summary>
/// <param name="RowNumber">1-based data row or record number in the source, for import reports.</param>
/// <param name="Identifiers">Validated identifiers; never empty.</param>
/// <param name="ReleasableFields">Field name to value per the source's field map; empty unless requested.</param>
public sealed record MappedRecord(
    long RowNumber,
    IReadOnlyList<CanonicalIdentifier> Identifiers,
    IReadOnlyDictionary<string, string> ReleasableFields)
{
    /// <summary>Returns counts only, so that a record never reaches a log with its values.</summary>
    public override string ToString() => $"MappedRecord(row {RowNumber}, {Identifiers.Count} identifiers)";
}
