using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Brp;
using GsoHitService.Sources.Internal.Csv;
using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Sources.Internal;

/// <summary>
/// A configured source: a reader for its format and the plan that maps its records. Each load opens a
/// new reader, so loads never share state.
/// </summary>
internal sealed class DepartmentSource(
    string name,
    SourceKind kind,
    Func<IRecordReader> createReader,
    SourcePlan plan,
    IReadOnlyCollection<string> watchedFiles,
    ILogger logger,
    TimeProvider timeProvider) : IDepartmentSource
{
    public string Name { get; } = name;

    public IReadOnlyCollection<IdentifierType> IdentifierTypes => plan.IdentifierTypes;

    public IReadOnlyCollection<string> ReleasableFields => plan.ReleasableFields;

    public IReadOnlyCollection<string> WatchedFiles { get; } = watchedFiles;

    public async IAsyncEnumerable<MappedRecord> ReadAsync(
        ImportReport report,
        bool includeReleasableFields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var started = timeProvider.GetTimestamp();
        SourcesLog.LoadStarted(logger, Name, kind.ToString());

        await using var reader = createReader();
        await reader.OpenAsync(cancellationToken);
        LogDialect(reader);

        var compiled = plan.Compile(reader, DutchTime.Today(timeProvider));
        var result = new MappingResult();
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            report.CountRead();
            var outcome = compiled.Map(record, result);
            FlagFields(report, result);
            if (outcome.RejectionReason is { } reason)
            {
                report.CountRejectedRow(reason);
                continue;
            }

            foreach (var rejection in result.Rejections)
            {
                report.CountRejectedIdentifier(rejection);
            }

            report.CountIndexed();
            var released = includeReleasableFields ? compiled.ReadReleasableFields(record) : EmptyFields;
            yield return new MappedRecord(record.Number, result.ToArray(), released);
        }

        // A load reads releasable fields only when the caller requests them, so only then can it
        // find them missing. Several accessors may read one path (a relevance field that is also
        // releasable), and one of them finding it is enough.
        var readAccessors = (includeReleasableFields ? compiled.Accessors : compiled.MatchingAccessors).ToList();
        var foundFields = readAccessors.Where(static accessor => accessor.WasFound).Select(static accessor => accessor.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var field in readAccessors.Select(static accessor => accessor.Field).Distinct(StringComparer.Ordinal).Where(field => !foundFields.Contains(field)))
        {
            SourcesLog.FieldNotFound(logger, Name, field);
        }

        LogCompleted(report, timeProvider.GetElapsedTime(started));
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = FrozenDictionary<string, string>.Empty;

    private void FlagFields(ImportReport report, MappingResult result)
    {
        foreach (var (field, reason) in result.Flags)
        {
            if (report.FlagField(field, reason))
            {
                SourcesLog.FieldFlagged(logger, Name, field, reason);
            }
        }
    }

    private void LogDialect(IRecordReader reader)
    {
        var dialect = reader switch
        {
            CsvRecordReader csv => csv.Dialect,
            GbaVRecordReader gbaV => gbaV.Dialect,
            _ => null,
        };
        if (dialect is not null)
        {
            SourcesLog.CsvDialect(logger, Name, dialect.EncodingName, dialect.DelimiterName, dialect.HasSeparatorLine);
        }
    }

    private void LogCompleted(ImportReport report, TimeSpan elapsed)
    {
        SourcesLog.LoadCompleted(logger, Name, report.RowsRead, report.RowsIndexed, report.RowsRejected, (long)elapsed.TotalMilliseconds);
        foreach (var (reason, count) in report.RejectedRowsByReason.OrderBy(static entry => entry.Key, StringComparer.Ordinal))
        {
            SourcesLog.RowsRejected(logger, Name, count, reason);
        }

        foreach (var (reason, count) in report.RejectedIdentifiersByReason.OrderBy(static entry => entry.Key, StringComparer.Ordinal))
        {
            SourcesLog.IdentifiersRejected(logger, Name, count, reason);
        }
    }
}
