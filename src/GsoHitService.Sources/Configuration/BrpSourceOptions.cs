namespace GsoHitService.Sources.Configuration;

/// <summary>Options of the BRP source kinds.</summary>
public sealed class BrpSourceOptions
{
    /// <summary>
    /// Whether to index, next to the person's own geslachtsnaam, the name in use that the aanduiding
    /// naamgebruik implies (P partner's name, V partner's before own, N own before partner's), so that
    /// a subject known only by that name is found. Default true.
    /// </summary>
    public bool IndexUsedName { get; set; } = true;
}
