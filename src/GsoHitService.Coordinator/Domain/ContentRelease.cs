namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// Content that one department released under a privacy check 2 decision. The records are
/// personal data, so the store encrypts each one.
/// </summary>
/// <param name="Id">The release's id.</param>
/// <param name="DecisionId">The privacy check 2 decision that allowed the release.</param>
/// <param name="CaseId">The decision's case.</param>
/// <param name="Department">The department that released the content.</param>
/// <param name="ReleasedAt">When the store recorded the content (UTC).</param>
/// <param name="Records">The released records, in the order the department sent them.</param>
public sealed record ContentRelease(
    ContentReleaseId Id,
    DecisionId DecisionId,
    CaseId CaseId,
    string Department,
    DateTimeOffset ReleasedAt,
    IReadOnlyList<ReleasedRecord> Records)
{
    /// <summary>The number of distinct subjects with at least one record.</summary>
    public int SubjectCount => Records.Select(record => record.SubjectId).Distinct().Count();

    /// <summary>Returns ids and counts only, so that released content never reaches a log by accident.</summary>
    public override string ToString() => $"ContentRelease({Id}, {Department}, {Records.Count} records)";
}

/// <summary>One released record about one subject.</summary>
/// <param name="SubjectId">The subject the record is about.</param>
/// <param name="Source">Where in the department's system the record comes from, for example a register name.</param>
/// <param name="Fields">Field values by field name; every name must be one that the decision releases.</param>
public sealed record ReleasedRecord(
    SubjectId SubjectId,
    string Source,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Returns the subject id and field count only, so that content never reaches a log.</summary>
    public override string ToString() => $"ReleasedRecord({SubjectId}, {Fields.Count} fields)";
}

/// <summary>
/// Content to record under a privacy check 2 decision; the store assigns the time, and the id
/// unless <paramref name="Id"/> gives the one that the release request to the agent carried.
/// </summary>
public sealed record NewContentRelease(
    DecisionId DecisionId,
    string Department,
    IReadOnlyList<ReleasedRecord> Records,
    ContentReleaseId? Id = null)
{
    /// <summary>Returns the decision id and record count only, so that content never reaches a log.</summary>
    public override string ToString() => $"NewContentRelease({DecisionId}, {Department}, {Records.Count} records)";
}
