namespace GsoHitService.Demo.Data;

/// <summary>
/// The answer that a department must give for one identifier of a scenario subject.
/// </summary>
public enum ExpectedAnswer
{
    /// <summary>The department holds at least one relevant record with this identifier.</summary>
    Hit = 1,

    /// <summary>The department indexes this identifier type and holds no relevant record with it.</summary>
    NoHit = 2,

    /// <summary>The department does not index this identifier type.</summary>
    NotHeld = 3,
}
