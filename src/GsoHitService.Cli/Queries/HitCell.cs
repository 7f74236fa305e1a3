namespace GsoHitService.Cli.Queries;

/// <summary>What one cell of the hit matrix shows for a subject at a department (or for one identifier type).</summary>
internal enum HitCell
{
    /// <summary>At least one identifier hit.</summary>
    Hit,

    /// <summary>The department answered for every identifier asked, and none hit.</summary>
    NoHit,

    /// <summary>The department does not index any identifier type that was asked.</summary>
    NotHeld,

    /// <summary>No reliable answer: the department did not answer, or answered "unavailable" for a type that could still hit.</summary>
    Unavailable,

    /// <summary>The department was not asked about this subject (or type), because privacy check 1 did not allow it.</summary>
    NotAsked,
}
