using GsoHitService.Coordinator.Domain;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// What one department is asked: its distinct match tokens grouped by identifier type, and for
/// each token the answer cells (subject × identifier type) that its answer counts towards. A
/// token can stand for several cells, for example an address that two subjects share.
/// </summary>
internal sealed class DepartmentProbeSet
{
    private readonly IReadOnlyList<SubjectId> _subjects;
    private readonly Lazy<SubjectSetDigest> _digest;

    private DepartmentProbeSet(string department, IReadOnlyList<SubjectId> subjects, IReadOnlyList<ProbeTypeGroup> groups, IReadOnlyList<AnswerCell> cells, Lazy<SubjectSetDigest>? digest)
    {
        Department = department;
        _subjects = subjects;
        Groups = groups;
        Cells = cells;
        TokenCount = groups.Sum(group => group.Count);
        _digest = digest ?? new Lazy<SubjectSetDigest>(() =>
            SubjectSetDigest.Compute(groups.SelectMany(group => group.Tokens.Select(token => new SubjectToken(group.Type, token)))));
    }

    public string Department { get; }

    /// <summary>
    /// Builds the probe set of the subjects at <paramref name="positions"/>: every distinct token of
    /// theirs, and a cell per subject and identifier type. Subjects without tokens have no cells.
    /// </summary>
    /// <param name="department">The department asked.</param>
    /// <param name="subjects">The signal's subject ids by position.</param>
    /// <param name="positions">The positions of the department's subjects, ascending, so that cells follow the signal's order.</param>
    /// <param name="tokensOf">The tokens of the subject at a position, ordered by identifier type.</param>
    public static DepartmentProbeSet Create(string department, IReadOnlyList<SubjectId> subjects, IEnumerable<int> positions, Func<int, IReadOnlyList<SubjectToken>> tokensOf)
    {
        var cells = new List<AnswerCell>();
        var tokenIndex = new Dictionary<SubjectToken, int>();
        var tokens = new List<SubjectToken>();
        var cellsOfToken = new List<List<int>>();
        foreach (var position in positions)
        {
            var previousType = (IdentifierType)0;
            foreach (var token in tokensOf(position))
            {
                // Tokens come ordered by type, so a new type starts a new cell.
                if (cells.Count == 0 || token.Type != previousType || cells[^1].SubjectIndex != position)
                {
                    cells.Add(new AnswerCell(position, token.Type));
                    previousType = token.Type;
                }

                if (!tokenIndex.TryGetValue(token, out var index))
                {
                    index = tokens.Count;
                    tokenIndex[token] = index;
                    tokens.Add(token);
                    cellsOfToken.Add([]);
                }

                cellsOfToken[index].Add(cells.Count - 1);
            }
        }

        var groups = Enumerable.Range(0, tokens.Count)
            .GroupBy(index => tokens[index].Type)
            .OrderBy(group => group.Key)
            .Select(group => new ProbeTypeGroup(
                group.Key,
                [.. group.Select(index => tokens[index].Token)],
                [.. group.Select(index => cellsOfToken[index].ToArray())]))
            .ToArray();

        return new DepartmentProbeSet(department, subjects, groups, cells, null);
    }

    /// <summary>Token groups in ascending identifier type; together in this order they are the flat token order.</summary>
    public IReadOnlyList<ProbeTypeGroup> Groups { get; }

    /// <summary>The answer cells, by subject in signal order and then by identifier type.</summary>
    public IReadOnlyList<AnswerCell> Cells { get; }

    public int TokenCount { get; }

    /// <summary>The digest that a privacy check 1 decision names for exactly these tokens, computed once per shared set.</summary>
    public SubjectSetDigest ComputeDigest() => _digest.Value;

    /// <summary>
    /// The same tokens and cells for another department, sharing the groups and the digest: a
    /// decision usually asks every department about the same subjects.
    /// </summary>
    public DepartmentProbeSet ForDepartment(string department) => new(department, _subjects, Groups, Cells, _digest);

    /// <summary>
    /// Combines the answer of each token (in flat token order) into one answer per cell: a hit on
    /// any of the cell's tokens is a hit; otherwise one unavailable answer makes the cell
    /// unavailable, because "no hit" would then be unproven.
    /// </summary>
    public IEnumerable<HitQueryAnswer> CombineAnswers(ReadOnlySpan<HitAnswer> tokenAnswers)
    {
        if (tokenAnswers.Length != TokenCount)
        {
            throw new ArgumentException($"Expected {TokenCount} token answers for department {Department}; got {tokenAnswers.Length}.", nameof(tokenAnswers));
        }

        var combined = new HitAnswer?[Cells.Count];
        var position = 0;
        foreach (var group in Groups)
        {
            for (var i = 0; i < group.Count; i++, position++)
            {
                foreach (var cell in group.CellsOf(i))
                {
                    combined[cell] = Combine(combined[cell], tokenAnswers[position]);
                }
            }
        }

        return Cells.Select((cell, index) => ToAnswer(cell, combined[index] ?? HitAnswer.Unavailable));
    }

    /// <summary>Every cell as unavailable, for a department that did not answer.</summary>
    public IEnumerable<HitQueryAnswer> UnavailableAnswers() => Cells.Select(cell => ToAnswer(cell, HitAnswer.Unavailable));

    /// <summary>
    /// Picks the stronger of two answers: hit, then unavailable, then no hit, then not held. An
    /// undefined value from the wire counts as unavailable.
    /// </summary>
    internal static HitAnswer Combine(HitAnswer? current, HitAnswer next)
    {
        var checkedNext = Enum.IsDefined(next) ? next : HitAnswer.Unavailable;
        return current is { } existing && Rank(existing) >= Rank(checkedNext) ? existing : checkedNext;
    }

    private static int Rank(HitAnswer answer) => answer switch
    {
        HitAnswer.Hit => 4,
        HitAnswer.Unavailable => 3,
        HitAnswer.NoHit => 2,
        HitAnswer.NotHeld => 1,
        _ => 3,
    };

    private HitQueryAnswer ToAnswer(AnswerCell cell, HitAnswer answer) =>
        new(_subjects[cell.SubjectIndex], Department, cell.Type, answer);
}

/// <summary>One subject × identifier type of a department's answers.</summary>
internal readonly record struct AnswerCell(int SubjectIndex, IdentifierType Type);

/// <summary>The distinct tokens of one identifier type with the cells each token answers for.</summary>
internal sealed class ProbeTypeGroup
{
    private readonly int[][] _cellsPerToken;

    public ProbeTypeGroup(IdentifierType type, MatchToken[] tokens, int[][] cellsPerToken)
    {
        if (tokens.Length != cellsPerToken.Length)
        {
            throw new ArgumentException("Each token needs its list of cells.", nameof(cellsPerToken));
        }

        Type = type;
        Tokens = tokens;
        _cellsPerToken = cellsPerToken;
        TokenBytes = new byte[tokens.Length * MatchToken.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i].CopyTo(TokenBytes.AsSpan(i * MatchToken.Length, MatchToken.Length));
        }
    }

    public IdentifierType Type { get; }

    public IReadOnlyList<MatchToken> Tokens { get; }

    /// <summary>The tokens concatenated, as a probe group carries them on the wire.</summary>
    public byte[] TokenBytes { get; }

    public int Count => Tokens.Count;

    /// <summary>The indexes into <see cref="DepartmentProbeSet.Cells"/> that token <paramref name="tokenIndex"/> answers for.</summary>
    public ReadOnlySpan<int> CellsOf(int tokenIndex) => _cellsPerToken[tokenIndex];
}
