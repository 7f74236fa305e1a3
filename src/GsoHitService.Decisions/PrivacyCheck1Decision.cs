using GsoHitService.Matching;

namespace GsoHitService.Decisions;

/// <summary>
/// Privacy check 1: the departments that may be asked in a hit query for a signal, and per
/// department exactly which subject tokens (as a digest).
/// </summary>
public sealed record PrivacyCheck1Decision : Decision
{
    /// <inheritdoc/>
    public override DecisionKind Kind => DecisionKind.PrivacyCheck1;

    /// <summary>Id of the signal that the hit query is for.</summary>
    public required string SignalId { get; init; }

    /// <summary>Identifier types that the query may use; every token in every department set has one of them.</summary>
    public required IReadOnlyList<IdentifierType> IdentifierTypes { get; init; }

    /// <summary>Departments that may be asked, each with its subject set digest.</summary>
    public required IReadOnlyList<DepartmentSubjectSet> Departments { get; init; }

    /// <inheritdoc/>
    public override bool NamesDepartment(string department) =>
        Departments.Any(set => string.Equals(set.Department, department, StringComparison.Ordinal));

    /// <summary>Returns the subject set of <paramref name="department"/>, or null when the decision does not name it.</summary>
    public DepartmentSubjectSet? FindDepartment(string department) =>
        Departments.FirstOrDefault(set => string.Equals(set.Department, department, StringComparison.Ordinal));

    /// <summary>
    /// Builds a decision from the token sets that each department may be asked about, computing
    /// the digests. When <paramref name="identifierTypes"/> is null, the decision allows exactly
    /// the types that occur in the token sets.
    /// </summary>
    /// <exception cref="ArgumentException">A department has no tokens, or a token's type is not in <paramref name="identifierTypes"/>.</exception>
    public static PrivacyCheck1Decision Create(
        string decisionId,
        string signalId,
        ValidityPeriod validity,
        string purpose,
        string legalBasis,
        TokenContext tokenContext,
        IReadOnlyDictionary<string, IReadOnlyCollection<SubjectToken>> tokensByDepartment,
        IReadOnlyCollection<IdentifierType>? identifierTypes = null)
    {
        ArgumentNullException.ThrowIfNull(tokensByDepartment);

        var typesInSets = tokensByDepartment.Values.SelectMany(tokens => tokens).Select(token => token.Type).ToHashSet();
        var allowedTypes = identifierTypes?.ToHashSet() ?? typesInSets;
        var unlisted = typesInSets.Except(allowedTypes).ToList();
        if (unlisted.Count > 0)
        {
            throw new ArgumentException($"The token sets contain identifier types that the decision does not allow: {string.Join(", ", unlisted)}.", nameof(identifierTypes));
        }

        var departments = new List<DepartmentSubjectSet>(tokensByDepartment.Count);
        foreach (var (department, tokens) in tokensByDepartment)
        {
            if (tokens.Count == 0)
            {
                throw new ArgumentException($"Department '{department}' has no subject tokens; leave it out of the decision instead.", nameof(tokensByDepartment));
            }

            departments.Add(new DepartmentSubjectSet(department, SubjectSetDigest.Compute(tokens)));
        }

        return new PrivacyCheck1Decision
        {
            DecisionId = decisionId,
            SignalId = signalId,
            Validity = validity,
            Purpose = purpose,
            LegalBasis = legalBasis,
            TokenContext = tokenContext,
            IdentifierTypes = [.. allowedTypes],
            Departments = departments,
        };
    }
}
