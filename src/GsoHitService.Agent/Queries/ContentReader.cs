using GsoHitService.Agent.Indexing;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// Reads the approved fields of the records that match the subjects of an authorised content
/// release. Every source is read again with its field map, and a record belongs to a subject when
/// one of the record's match tokens is one of the subject's tokens: the same test as a hit, so a
/// release returns the records behind the hits and nothing else.
/// </summary>
/// <remarks>
/// Only fields in a source's field map (<c>ReleasableFields</c>) can be read, and of those only the
/// requested ones are returned. Sources whose field map holds none of the requested fields are not read.
/// </remarks>
// NOTE: Each release reads the sources in full, which takes seconds for sources of millions of rows.
// Releases are rare (one per privacy check 2 decision), so no second index of content is kept.
internal sealed partial class ContentReader(AgentSources sources, MatchTokenizer tokenizer, ILogger<ContentReader> logger)
{
    /// <summary>Field names that some source can release.</summary>
    public IReadOnlySet<string> ReleasableFields { get; } =
        sources.Sources.SelectMany(source => source.ReleasableFields).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads the requested fields of every record that matches a requested subject.</summary>
    /// <exception cref="QueryRefusedException">A source cannot be read now (<see cref="QueryRefusalReason.SourceUnavailable"/>).</exception>
    public async Task<IReadOnlyList<ReleasedSubjectContent>> ReadAsync(RequestedRelease release, CancellationToken cancellationToken)
    {
        var subjectsByToken = IndexSubjects(release.Subjects);
        var found = release.Subjects.ToDictionary(subject => subject.SubjectRef, _ => new List<ReleasedRecordContent>(), StringComparer.Ordinal);
        var requested = release.Fields.ToHashSet(StringComparer.Ordinal);

        foreach (var source in sources.Sources)
        {
            var fields = source.ReleasableFields.Where(requested.Contains).ToArray();
            if (fields.Length == 0)
            {
                continue;
            }

            await ReadSourceAsync(source, fields, subjectsByToken, found, cancellationToken);
        }

        return [.. release.Subjects.Select(subject => new ReleasedSubjectContent(subject.SubjectRef, found[subject.SubjectRef]))];
    }

    private async Task ReadSourceAsync(
        IDepartmentSource source,
        string[] fields,
        Dictionary<SubjectToken, List<string>> subjectsByToken,
        Dictionary<string, List<ReleasedRecordContent>> found,
        CancellationToken cancellationToken)
    {
        var report = new ImportReport(source.Name);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var recordCount = 0;
        try
        {
            await foreach (var record in source.ReadAsync(report, includeReleasableFields: true, cancellationToken))
            {
                matched.Clear();
                foreach (var identifier in record.Identifiers)
                {
                    var token = new SubjectToken(identifier.Type, tokenizer.ComputeToken(identifier));
                    if (subjectsByToken.TryGetValue(token, out var subjectRefs))
                    {
                        matched.UnionWith(subjectRefs);
                    }
                }

                if (matched.Count == 0)
                {
                    continue;
                }

                var content = new ReleasedRecordContent(source.Name, SelectFields(record, fields));
                foreach (var subjectRef in matched)
                {
                    found[subjectRef].Add(content);
                }

                recordCount++;
            }
        }
        catch (SourceReadException exception)
        {
            Log.SourceUnreadable(logger, source.Name, exception);
            throw new QueryRefusedException(
                QueryRefusalReason.SourceUnavailable,
                $"Source {source.Name} cannot be read now, so no content is released. Ask the department's operator to check the agent log, then repeat the release with a new decision.");
        }

        Log.SourceRead(logger, source.Name, report.RowsRead, recordCount);
    }

    private static Dictionary<string, string> SelectFields(MappedRecord record, string[] fields)
    {
        var selected = new Dictionary<string, string>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (record.ReleasableFields.TryGetValue(field, out var value))
            {
                selected[field] = value;
            }
        }

        return selected;
    }

    private static Dictionary<SubjectToken, List<string>> IndexSubjects(IReadOnlyList<ReleaseSubject> subjects)
    {
        var index = new Dictionary<SubjectToken, List<string>>();
        foreach (var subject in subjects)
        {
            foreach (var token in subject.Tokens)
            {
                if (!index.TryGetValue(token, out var subjectRefs))
                {
                    index[token] = subjectRefs = [];
                }

                if (!subjectRefs.Contains(subject.SubjectRef, StringComparer.Ordinal))
                {
                    subjectRefs.Add(subject.SubjectRef);
                }
            }
        }

        return index;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, EventName = "ReleaseSourceRead", Level = LogLevel.Debug,
            Message = "Content release read source {Source}: {RowsRead} rows, {MatchedRecords} matching records")]
        public static partial void SourceRead(ILogger logger, string source, long rowsRead, int matchedRecords);

        [LoggerMessage(EventId = 2102, EventName = "ReleaseSourceUnreadable", Level = LogLevel.Error,
            Message = "Content release could not read source {Source}")]
        public static partial void SourceUnreadable(ILogger logger, string source, Exception exception);
    }
}
