namespace GsoHitService.Matching;

/// <summary>
/// Version of the normalisation rules. Any rule change that can change a canonical form changes
/// <see cref="Id"/>, and coordinator and agents refuse to compare tokens of different profiles.
/// </summary>
public static class NormaliserProfile
{
    /// <summary>The profile id that this build implements.</summary>
    public const string Id = "nl-1";
}
