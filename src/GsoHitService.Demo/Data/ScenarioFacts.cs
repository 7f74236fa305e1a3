namespace GsoHitService.Demo.Data;

/// <summary>
/// The values behind the demo scenario in canonical form, shared by the scenario definition and
/// the export generators so that both tell the same story.
/// </summary>
/// <remarks>
/// The story: RvIG test person Karin Koolmees owns the eenmanszaak "Test EMZ Dagobert" (a KvK test
/// company). The company holds a street-work exemption for her van. Her own parking permit for her
/// former car was withdrawn years ago. Her housemate runs a bed and breakfast at their home. She
/// pays municipal taxes and receives social support. Sanne Oosterhuis is made up and appears nowhere.
/// </remarks>
internal static class ScenarioFacts
{
    /// <summary>BSN of RvIG test person Karin Koolmees; its leading zero is lost in numeric columns.</summary>
    public const string PersonBsn = "010245741";

    /// <summary>BSN of RvIG test person Karel Koolmees, who lives at the same address.</summary>
    public const string HousemateBsn = "010755561";

    /// <summary>Postcode, huisnummer and huisletter of the Koolmees home (from the RvIG test set).</summary>
    public const string HomePostcode = "1079TX";
    public const int HomeHouseNumber = 2;
    public const string HomeHouseLetter = "A";

    /// <summary>KvK-nummer of the KvK test company "Test EMZ Dagobert" (an eenmanszaak).</summary>
    public const string CompanyKvkNumber = "69599084";

    /// <summary>Bezoekadres of the company (from the KvK test environment).</summary>
    public const string CompanyPostcode = "1034WL";
    public const int CompanyHouseNumber = 17;

    /// <summary>The van of the company, in a current street-work exemption (generated, fictitious).</summary>
    public const string VanPlate = "SXT52R";

    /// <summary>The former car of the person, only in a withdrawn parking permit (generated, fictitious).</summary>
    public const string FormerCarPlate = "ZGN18H";

    /// <summary>A valid BSN that is neither in the RvIG test set nor in any export.</summary>
    public const string NoHitBsn = "999990354";

    /// <summary>Address, surname and birth date of the made-up person; none of them is in any export.</summary>
    public const string NoHitPostcode = "3512JE";
    public const int NoHitHouseNumber = 40;
    public const string NoHitSurname = "Oosterhuis";
    public const string NoHitBirthDate = "19830417";
}
