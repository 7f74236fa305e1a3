using GsoHitService.Coordinator.Domain;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// The match tokens of a signal's subjects, restricted to the identifier types a decision allows.
/// Preparing a privacy check 1 decision and running the hit query both build their token sets
/// here, so the digests that members sign are exactly the sets that agents receive.
/// </summary>
internal sealed class SubjectTokens
{
    private readonly SubjectToken[][] _bySubject;
    private readonly Dictionary<SubjectId, int> _indexById;

    private SubjectTokens(Signal signal, SubjectToken[][] bySubject)
    {
        Signal = signal;
        _bySubject = bySubject;
        _indexById = new Dictionary<SubjectId, int>(signal.Subjects.Count);
        for (var i = 0; i < signal.Subjects.Count; i++)
        {
            _indexById[signal.Subjects[i].Id] = i;
        }
    }

    public Signal Signal { get; }

    /// <summary>
    /// Computes the tokens of every identifier of an allowed type. A subject with the same token
    /// twice (the same identifier entered in two spellings) keeps it once.
    /// </summary>
    public static SubjectTokens Compute(Signal signal, IReadOnlyCollection<IdentifierType> allowedTypes, MatchTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(allowedTypes);
        ArgumentNullException.ThrowIfNull(tokenizer);

        var allowed = allowedTypes.ToHashSet();
        var identifiers = new List<CanonicalIdentifier>();
        var owners = new List<int>();
        for (var subject = 0; subject < signal.Subjects.Count; subject++)
        {
            foreach (var identifier in signal.Subjects[subject].Identifiers)
            {
                if (allowed.Contains(identifier.Type))
                {
                    identifiers.Add(identifier);
                    owners.Add(subject);
                }
            }
        }

        // The batch path hashes eight identifiers at once, which matters for bulk signals.
        var tokens = new MatchToken[identifiers.Count];
        tokenizer.ComputeTokens(identifiers.ToArray(), tokens);

        var bySubject = new List<SubjectToken>[signal.Subjects.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var list = bySubject[owners[i]] ??= [];
            var token = new SubjectToken(identifiers[i].Type, tokens[i]);
            if (!list.Contains(token))
            {
                list.Add(token);
            }
        }

        return new SubjectTokens(signal, bySubject.Select(list => list?.ToArray() ?? []).ToArray());
    }

    /// <summary>Returns the index of a subject in the signal, or -1 when it is not the signal's.</summary>
    public int IndexOf(SubjectId subjectId) => _indexById.GetValueOrDefault(subjectId, -1);

    /// <summary>The tokens of the subject at <paramref name="subjectIndex"/>; empty when it has no identifier of an allowed type.</summary>
    public IReadOnlyList<SubjectToken> For(int subjectIndex) => _bySubject[subjectIndex];

    /// <summary>The distinct tokens of the given subjects together, as a department is asked about them.</summary>
    public IReadOnlyCollection<SubjectToken> ForSubjects(IEnumerable<SubjectId> subjectIds)
    {
        var set = new HashSet<SubjectToken>();
        foreach (var subjectId in subjectIds)
        {
            var index = IndexOf(subjectId);
            if (index < 0)
            {
                throw new ArgumentException($"Subject {subjectId} is not a subject of signal {Signal.Id}.", nameof(subjectIds));
            }

            set.UnionWith(_bySubject[index]);
        }

        return set;
    }
}
