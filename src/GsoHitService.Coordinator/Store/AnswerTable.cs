using System.Buffers.Binary;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// The answers of one hit query as compact entries (subject position, department index, identifier
/// type, answer), sorted by position, department and type. It checks a completion before anything
/// is written, packs the answers per department for <c>hit_query_answer_sets</c> and unpacks them.
/// </summary>
/// <remarks>
/// A bulk query has hundreds of thousands of answers; entries of value types keep checking,
/// sorting and packing them to a few tens of milliseconds.
/// </remarks>
internal sealed class AnswerTable
{
    /// <summary>Bytes per packed answer: position (uint32 little-endian), identifier type, answer.</summary>
    public const int PackedAnswerLength = 6;

    private readonly Entry[] _entries;

    // The completion's own records in the table's order, so that they need not be created again.
    private readonly IReadOnlyList<HitQueryAnswer>? _sources;

    private AnswerTable(Entry[] entries, IReadOnlyList<string> departments, IReadOnlyList<HitQueryAnswer>? sources = null)
    {
        // Sorting by a primitive key is several times faster than by a comparer.
        var keys = Array.ConvertAll(entries, entry => entry.Key);
        Array.Sort(keys, entries);
        _entries = entries;
        _sources = sources;
        Departments = departments;
        HitCount = entries.Count(entry => entry.Answer == HitAnswer.Hit);
    }

    /// <summary>The query's departments in request order; an entry's department is an index into it.</summary>
    public IReadOnlyList<string> Departments { get; }

    public int HitCount { get; }

    public bool HasHit => HitCount > 0;

    /// <summary>
    /// Checks a completion against the query: exactly one outcome per requested department, a
    /// reason for every outcome but answered, answers only from asked departments about subjects of
    /// the query's signal, at most one per subject, department and type, and a department that did
    /// not answer may only report <see cref="HitAnswer.Unavailable"/>, because a failure must never
    /// be stored as "no hit".
    /// </summary>
    /// <param name="query">The in-progress query.</param>
    /// <param name="completion">The outcomes and answers to record.</param>
    /// <param name="subjects">The ids of the signal's subjects, indexed by position.</param>
    /// <exception cref="ArgumentException">The completion breaks a rule.</exception>
    /// <exception cref="CoordinatorStoreException"><see cref="StoreError.InvalidState"/> for an answer about a subject of another signal.</exception>
    public static AnswerTable FromCompletion(HitQuery query, HitQueryCompletion completion, IReadOnlyList<SubjectId> subjects)
    {
        var outcomes = CheckOutcomes(query, completion);
        var departmentIndex = Index(query.RequestedDepartments);
        var positions = new Dictionary<SubjectId, int>(subjects.Count);
        for (var position = 0; position < subjects.Count; position++)
        {
            positions[subjects[position]] = position;
        }

        var entries = new Entry[completion.Answers.Count];
        var seen = new HashSet<long>(completion.Answers.Count);
        SubjectId? lastSubject = null;
        var lastPosition = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            var answer = completion.Answers[i];
            ArgumentNullException.ThrowIfNull(answer, "answer");
            if (answer.Answer is < HitAnswer.Hit or > HitAnswer.Unavailable)
            {
                throw new ArgumentException($"The hit answer {answer.Answer} is not a defined value.", "hit answer");
            }

            if (!IdentifierTypes.IsDefined((int)answer.IdentifierType, out _))
            {
                throw new ArgumentException($"The identifier type {answer.IdentifierType} is not a defined value.", "identifier type");
            }

            if (answer.Department is null || !departmentIndex.TryGetValue(answer.Department, out var department))
            {
                throw new ArgumentException($"An answer names department '{answer.Department}', which is not a department of hit query {query.Id}.", "answers");
            }

            if (outcomes[department] != DepartmentOutcome.Answered && answer.Answer != HitAnswer.Unavailable)
            {
                throw new ArgumentException(
                    $"Department '{answer.Department}' has outcome {outcomes[department]}, so its answers can only be {HitAnswer.Unavailable}, not {answer.Answer}.",
                    "answers");
            }

            // Answers of one subject usually follow each other, so most need no lookup.
            if (answer.SubjectId != lastSubject)
            {
                if (!positions.TryGetValue(answer.SubjectId, out lastPosition))
                {
                    throw new CoordinatorStoreException(
                        StoreError.InvalidState,
                        $"An answer of hit query {query.Id} names subject {answer.SubjectId}, which is not a subject of signal " +
                        $"{query.SignalId}. Nothing of the result was recorded.");
                }

                lastSubject = answer.SubjectId;
            }

            var entry = new Entry(lastPosition, department, answer.IdentifierType, answer.Answer, i);
            if (!seen.Add(entry.Key))
            {
                throw new ArgumentException(
                    $"Department '{answer.Department}' has more than one answer for subject {answer.SubjectId} and identifier type " +
                    $"{IdentifierTypes.ToName(answer.IdentifierType)}.",
                    "answers");
            }

            entries[i] = entry;
        }

        return new AnswerTable(entries, query.RequestedDepartments, completion.Answers);
    }

    /// <summary>Unpacks stored answer sets, together with answers stored one row each before schema version 3.</summary>
    /// <exception cref="CoordinatorStoreException"><see cref="StoreError.InvalidState"/> for a set that does not fit the query.</exception>
    public static AnswerTable FromStored(
        HitQueryId queryId,
        IReadOnlyList<string> departments,
        IReadOnlyList<SubjectId> subjects,
        IEnumerable<(string Department, int Count, byte[] Answers)> sets,
        IEnumerable<HitQueryAnswer> rows)
    {
        var departmentIndex = Index(departments);
        var entries = new List<Entry>();
        foreach (var (department, count, packed) in sets)
        {
            if (!departmentIndex.TryGetValue(department, out var index) || packed.Length != count * PackedAnswerLength)
            {
                throw Damaged(queryId, $"the answer set of department '{department}' does not fit the query");
            }

            for (var offset = 0; offset < packed.Length; offset += PackedAnswerLength)
            {
                var position = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(offset));
                if (position < 0 || position >= subjects.Count)
                {
                    throw Damaged(queryId, $"an answer of department '{department}' names subject position {position}, which the signal does not have");
                }

                entries.Add(new Entry(position, index, (IdentifierType)packed[offset + 4], (HitAnswer)packed[offset + 5], -1));
            }
        }

        var positions = new Dictionary<SubjectId, int>(subjects.Count);
        for (var position = 0; position < subjects.Count; position++)
        {
            positions[subjects[position]] = position;
        }

        foreach (var row in rows)
        {
            entries.Add(new Entry(positions[row.SubjectId], departmentIndex[row.Department], row.IdentifierType, row.Answer, -1));
        }

        return new AnswerTable([.. entries], departments);
    }

    /// <summary>Packs the answers of one department, sorted by subject position and type.</summary>
    public (int Count, byte[] Packed) Pack(int department)
    {
        var count = _entries.Count(entry => entry.Department == department);
        var packed = new byte[count * PackedAnswerLength];
        var offset = 0;
        foreach (var entry in _entries)
        {
            if (entry.Department != department)
            {
                continue;
            }

            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(offset), entry.Position);
            packed[offset + 4] = (byte)entry.Type;
            packed[offset + 5] = (byte)entry.Answer;
            offset += PackedAnswerLength;
        }

        return (count, packed);
    }

    /// <summary>The answers as domain records, ordered by subject position, department and identifier type.</summary>
    public IReadOnlyList<HitQueryAnswer> ToDomain(IReadOnlyList<SubjectId> subjects)
    {
        var answers = new HitQueryAnswer[_entries.Length];
        for (var i = 0; i < answers.Length; i++)
        {
            var entry = _entries[i];
            answers[i] = _sources is not null && entry.Source >= 0
                ? _sources[entry.Source]
                : new HitQueryAnswer(subjects[entry.Position], Departments[entry.Department], entry.Type, entry.Answer);
        }

        return answers;
    }

    /// <summary>Checks the department outcomes and returns them by department index.</summary>
    private static DepartmentOutcome[] CheckOutcomes(HitQuery query, HitQueryCompletion completion)
    {
        var departmentIndex = Index(query.RequestedDepartments);
        var outcomes = new DepartmentOutcome?[query.RequestedDepartments.Count];

        foreach (var outcome in completion.Departments)
        {
            ArgumentNullException.ThrowIfNull(outcome, "department outcome");
            InputRules.RequireDefined(outcome.Outcome, "department outcome");

            if (outcome.Department is null || !departmentIndex.TryGetValue(outcome.Department, out var index))
            {
                throw new ArgumentException($"Hit query {query.Id} did not ask department '{outcome.Department}'.", "departments");
            }

            if (outcomes[index] is not null)
            {
                throw new ArgumentException($"Department '{outcome.Department}' has more than one outcome.", "departments");
            }

            if (outcome.Outcome == DepartmentOutcome.Answered)
            {
                InputRules.RequireOptionalText(outcome.Reason ?? string.Empty, "outcome reason", InputRules.MaxLongTextLength);
            }
            else
            {
                InputRules.RequireText(outcome.Reason, $"reason for outcome {outcome.Outcome}", InputRules.MaxLongTextLength);
            }

            outcomes[index] = outcome.Outcome;
        }

        var missing = query.RequestedDepartments.Where((_, index) => outcomes[index] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"Hit query {query.Id} has no outcome for department(s) {string.Join(", ", missing)}; every asked department needs one.",
                "departments");
        }

        return [.. outcomes.Select(outcome => outcome!.Value)];
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> departments)
    {
        var index = new Dictionary<string, int>(departments.Count, StringComparer.Ordinal);
        for (var i = 0; i < departments.Count; i++)
        {
            index[departments[i]] = i;
        }

        return index;
    }

    private static CoordinatorStoreException Damaged(HitQueryId queryId, string problem) =>
        new(StoreError.InvalidState, $"The stored answers of hit query {queryId} cannot be read because {problem}; the database was changed outside the coordinator.");

    /// <summary>One answer, with the index of the completion record it came from, or -1 when read from the store.</summary>
    private readonly record struct Entry(int Position, int Department, IdentifierType Type, HitAnswer Answer, int Source)
    {
        /// <summary>Position, department and type in one number, unique per answer cell and in sort order.</summary>
        public long Key => ((long)Position << 24) | ((long)Department << 8) | (byte)Type;
    }
}
