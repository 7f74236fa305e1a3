using GsoHitService.Decisions;

namespace GsoHitService.Agent.Queries;

/// <summary>What a content release asks for: the subjects, with their match tokens, and the field names.</summary>
/// <param name="Subjects">The subjects in the order of the request.</param>
/// <param name="Fields">The field names in the order of the request.</param>
internal sealed record RequestedRelease(IReadOnlyList<ReleaseSubject> Subjects, IReadOnlyList<string> Fields)
{
    /// <summary>Number of match tokens over all subjects.</summary>
    public int TokenCount => Subjects.Sum(subject => subject.Tokens.Count);

    /// <summary>Returns counts only; subject references and tokens stay out of logs.</summary>
    public override string ToString() => $"RequestedRelease({Subjects.Count} subjects, {TokenCount} tokens, {Fields.Count} fields)";
}
