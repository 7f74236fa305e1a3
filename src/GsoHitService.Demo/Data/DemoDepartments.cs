namespace GsoHitService.Demo.Data;

/// <summary>
/// Configuration names of the four demo departments, as the agents and the coordinator name them.
/// </summary>
public static class DemoDepartments
{
    /// <summary>Basisregistratie Personen.</summary>
    public const string Brp = "brp";

    /// <summary>Vergunningen: Decos JOIN and PowerBrowser.</summary>
    public const string Permits = "vergunningen";

    /// <summary>Belastingen: WOZ objects and tax assessments.</summary>
    public const string Taxes = "belastingen";

    /// <summary>Sociaal domein: Zorgned.</summary>
    public const string SocialDomain = "sociaal-domein";

    /// <summary>All four, in the order the demo prints them.</summary>
    public static IReadOnlyList<string> All { get; } = [Brp, Permits, Taxes, SocialDomain];
}
