using GsoHitService.Matching;

namespace GsoHitService.Sources;

/// <summary>
/// One configured source of a department (a CSV export, a SQL query, a BRP or system export),
/// read read-only and mapped to validated identifiers.
/// </summary>
public interface IDepartmentSource
{
    /// <summary>Name of the source in the agent configuration.</summary>
    string Name { get; }

    /// <summary>Identifier types that this source indexes; other types are answered "not held".</summary>
    IReadOnlyCollection<IdentifierType> IdentifierTypes { get; }

    /// <summary>Field names that a privacy check 2 decision may release from this source.</summary>
    IReadOnlyCollection<string> ReleasableFields { get; }

    /// <summary>Files whose change should trigger a reload; empty for database sources.</summary>
    IReadOnlyCollection<string> WatchedFiles { get; }

    /// <summary>
    /// Reads every relevant record. Counts go into <paramref name="report"/> as reading goes on.
    /// </summary>
    /// <param name="report">Receives rows read, indexed and rejected, with counts per reason.</param>
    /// <param name="includeReleasableFields">Whether to fill <see cref="MappedRecord.ReleasableFields"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="SourceReadException">
    /// The source cannot be read with certainty (unknown encoding or delimiter, missing column,
    /// connection failure). Records returned before the exception must be discarded, so a source
    /// is never half indexed.
    /// </exception>
    IAsyncEnumerable<MappedRecord> ReadAsync(ImportReport report, bool includeReleasableFields, CancellationToken cancellationToken);
}
