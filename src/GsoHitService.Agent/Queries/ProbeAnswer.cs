namespace GsoHitService.Agent.Queries;

/// <summary>The agent's answer for one match token.</summary>
internal enum ProbeAnswer : byte
{
    /// <summary>The index holds the token.</summary>
    Hit,

    /// <summary>The index is current, holds the token's type and does not hold the token.</summary>
    NoHit,

    /// <summary>No source of this department indexes the token's identifier type.</summary>
    NotHeld,

    /// <summary>No reliable answer: no index is loaded, the last load failed or the index is stale.</summary>
    Unavailable,
}
