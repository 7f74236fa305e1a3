namespace GsoHitService.Agent.Queries;

/// <summary>The approved fields of the records that match each subject of a content release.</summary>
/// <param name="Subjects">One entry per requested subject, in request order; a subject without matching records has none.</param>
/// <param name="IndexLoadedAt">Time of the last successful index load, for the reply; null when none.</param>
internal sealed record ReleasedContent(IReadOnlyList<ReleasedSubjectContent> Subjects, DateTimeOffset? IndexLoadedAt)
{
    public int RecordCount => Subjects.Sum(subject => subject.Records.Count);

    public int FieldValueCount => Subjects.Sum(subject => subject.Records.Sum(record => record.Fields.Count));

    /// <summary>Returns counts only: released content never reaches a log.</summary>
    public override string ToString() => $"ReleasedContent({Subjects.Count} subjects, {RecordCount} records, {FieldValueCount} field values)";
}

/// <summary>The released records of one subject.</summary>
internal sealed record ReleasedSubjectContent(string SubjectRef, IReadOnlyList<ReleasedRecordContent> Records)
{
    public override string ToString() => $"ReleasedSubjectContent({Records.Count} records)";
}

/// <summary>The approved fields of one source record, by field name.</summary>
internal sealed record ReleasedRecordContent(string Source, IReadOnlyDictionary<string, string> Fields)
{
    public override string ToString() => $"ReleasedRecordContent({Source}, {Fields.Count} fields)";
}
