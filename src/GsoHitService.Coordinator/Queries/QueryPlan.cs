using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Queries;

/// <summary>Builds what each department of a hit query is asked, from the subjects' tokens and the decision's scopes.</summary>
internal static class QueryPlan
{
    /// <summary>
    /// Builds one probe set per scope, in scope order. A department is asked every distinct token of
    /// its subjects; subjects without a token of an allowed type have no cells there.
    /// </summary>
    /// <exception cref="ArgumentException">A scope names a subject that is not the signal's.</exception>
    public static IReadOnlyList<DepartmentProbeSet> Create(SubjectTokens tokens, IEnumerable<DecisionScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(scopes);

        var built = new List<(int[] Subjects, DepartmentProbeSet Probes)>();
        var plan = new List<DepartmentProbeSet>();
        foreach (var scope in scopes)
        {
            var subjects = SubjectIndexes(tokens, scope);
            var same = built.FindIndex(entry => entry.Subjects.AsSpan().SequenceEqual(subjects));
            if (same >= 0)
            {
                plan.Add(built[same].Probes.ForDepartment(scope.Department));
                continue;
            }

            var probes = CreateForDepartment(tokens, scope.Department, subjects);
            built.Add((subjects, probes));
            plan.Add(probes);
        }

        return plan;
    }

    /// <summary>Returns the signal positions of a scope's subjects, ascending and distinct.</summary>
    private static int[] SubjectIndexes(SubjectTokens tokens, DecisionScope scope)
    {
        var subjectIndexes = new List<int>(scope.SubjectIds.Count);
        foreach (var subjectId in scope.SubjectIds)
        {
            var index = tokens.IndexOf(subjectId);
            if (index < 0)
            {
                throw new ArgumentException($"Subject {subjectId} of department {scope.Department} is not a subject of signal {tokens.Signal.Id}.", nameof(scope));
            }

            subjectIndexes.Add(index);
        }

        // Cells in signal order, so that results list subjects as they were registered.
        return [.. subjectIndexes.Distinct().Order()];
    }

    private static DepartmentProbeSet CreateForDepartment(SubjectTokens tokens, string department, int[] subjectIndexes)
    {
        var cells = new List<AnswerCell>();
        var cellIndex = new Dictionary<AnswerCell, int>();
        var cellsByToken = new Dictionary<(IdentifierType Type, MatchToken Token), List<int>>();
        foreach (var subjectIndex in subjectIndexes)
        {
            foreach (var subjectToken in tokens.For(subjectIndex).OrderBy(token => token.Type))
            {
                var cell = new AnswerCell(subjectIndex, subjectToken.Type);
                if (!cellIndex.TryGetValue(cell, out var index))
                {
                    index = cells.Count;
                    cellIndex[cell] = index;
                    cells.Add(cell);
                }

                var key = (subjectToken.Type, subjectToken.Token);
                if (!cellsByToken.TryGetValue(key, out var list))
                {
                    cellsByToken[key] = list = [];
                }

                list.Add(index);
            }
        }

        var groups = cellsByToken
            .GroupBy(entry => entry.Key.Type)
            .OrderBy(group => group.Key)
            .Select(group => new ProbeTypeGroup(
                group.Key,
                group.Select(entry => entry.Key.Token).ToArray(),
                group.Select(entry => entry.Value.ToArray()).ToArray()))
            .ToArray();

        return new DepartmentProbeSet(department, tokens.Signal, groups, cells);
    }
}
