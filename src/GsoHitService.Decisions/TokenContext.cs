namespace GsoHitService.Decisions;

/// <summary>
/// What the match tokens in a decision were computed under. A token is meaningful only with its
/// scheme version, normaliser profile and key epoch, so a decision names all three and an agent
/// compares them with the request's match context.
/// </summary>
/// <param name="TokenSchemeVersion">Keyed-hash token scheme version, 1 to 65535.</param>
/// <param name="NormaliserProfile">Normaliser profile id, for example <c>nl-1</c>.</param>
/// <param name="KeyEpoch">Matching-key epoch id, for example <c>2026-12</c>.</param>
public sealed record TokenContext(int TokenSchemeVersion, string NormaliserProfile, string KeyEpoch);
