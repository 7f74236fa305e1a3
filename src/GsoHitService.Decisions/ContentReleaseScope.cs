namespace GsoHitService.Decisions;

/// <summary>
/// What a content release requests from a department: the subjects (with their tokens) and the fields.
/// A privacy check 2 decision must approve exactly these, under the same match context.
/// </summary>
/// <param name="TokenContext">Token scheme, normaliser profile and key epoch of the request.</param>
/// <param name="Subjects">Requested subjects with their tokens, in any order.</param>
/// <param name="Fields">Requested field names, in any order.</param>
public sealed record ContentReleaseScope(TokenContext TokenContext, IReadOnlyCollection<ReleaseSubject> Subjects, IReadOnlyCollection<string> Fields);
