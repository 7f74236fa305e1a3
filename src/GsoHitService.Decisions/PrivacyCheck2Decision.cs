namespace GsoHitService.Decisions;

/// <summary>
/// Privacy check 2: which fields one department may release about which subjects of a case, and
/// to which case-team members.
/// </summary>
public sealed record PrivacyCheck2Decision : Decision
{
    /// <inheritdoc/>
    public override DecisionKind Kind => DecisionKind.PrivacyCheck2;

    /// <summary>Id of the case (casus) the content is for.</summary>
    public required string CaseId { get; init; }

    /// <summary>Code of the one department that may release content.</summary>
    public required string Department { get; init; }

    /// <summary>Subjects whose records may be released, each with its match tokens.</summary>
    public required IReadOnlyList<ReleaseSubject> Subjects { get; init; }

    /// <summary>Field names that may be released, as the department's field map names them.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>Case-team members who may receive the content.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <inheritdoc/>
    public override bool NamesDepartment(string department) => string.Equals(Department, department, StringComparison.Ordinal);
}
