namespace GsoHitService.Decisions;

/// <summary>
/// One subject of a privacy check 2 decision: the coordinator's subject reference and the match
/// tokens by which the department finds the subject's records.
/// </summary>
/// <param name="SubjectRef">Subject reference, 1 to 128 printable ASCII characters without spaces; never an identifier.</param>
/// <param name="Tokens">The subject's tokens, in any order; the encoding sorts them and rejects duplicates.</param>
public sealed record ReleaseSubject(string SubjectRef, IReadOnlyList<SubjectToken> Tokens);
