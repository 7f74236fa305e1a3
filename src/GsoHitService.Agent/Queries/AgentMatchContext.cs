namespace GsoHitService.Agent.Queries;

/// <summary>
/// What coordinator and agent must share before tokens can be compared: the token scheme, the
/// normaliser profile and the matching-key epoch. Tokens computed under any other combination
/// never equal the agent's, so such a query is refused instead of answered "no hit".
/// </summary>
internal sealed record AgentMatchContext(uint TokenSchemeVersion, string NormaliserProfile, string KeyEpoch);
