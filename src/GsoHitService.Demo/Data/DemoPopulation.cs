namespace GsoHitService.Demo.Data;

/// <summary>
/// The RvIG test persons and KvK test companies that the department exports are drawn from, with
/// the scenario's own persons and company set apart so that random records cannot change the
/// expected hit matrix.
/// </summary>
internal sealed class DemoPopulation
{
    private DemoPopulation(
        int personCount,
        IReadOnlyList<BrpPerson> residents,
        IReadOnlyList<KvkCompany> companies,
        BrpPerson scenarioPerson,
        BrpPerson scenarioHousemate,
        KvkCompany scenarioCompany)
    {
        PersonCount = personCount;
        Residents = residents;
        Companies = companies;
        ScenarioPerson = scenarioPerson;
        ScenarioHousemate = scenarioHousemate;
        ScenarioCompany = scenarioCompany;
    }

    /// <summary>Number of persons in the RvIG test set.</summary>
    public int PersonCount { get; }

    /// <summary>
    /// Living, registered test persons with a Dutch address, in the order of the RvIG file, without
    /// the scenario's persons, without anyone at a scenario address and without the synthetic
    /// DigiD test accounts.
    /// </summary>
    public IReadOnlyList<BrpPerson> Residents { get; }

    /// <summary>KvK test companies other than the scenario's company.</summary>
    public IReadOnlyList<KvkCompany> Companies { get; }

    /// <summary>Karin Koolmees.</summary>
    public BrpPerson ScenarioPerson { get; }

    /// <summary>Karel Koolmees, who lives at the same address.</summary>
    public BrpPerson ScenarioHousemate { get; }

    /// <summary>Test EMZ Dagobert.</summary>
    public KvkCompany ScenarioCompany { get; }

    /// <summary>Reads the embedded test data and sets the scenario's persons and company apart.</summary>
    public static DemoPopulation Load()
    {
        IReadOnlyList<BrpPerson> persons;
        using (var stream = TestDataResources.Open(TestDataResources.BrpPersons))
        {
            persons = BrpPersonReader.Read(stream);
        }

        var companies = KvkCompanyReader.ReadAll();

        var person = persons.Single(candidate => candidate.Bsn == ScenarioFacts.PersonBsn);
        var housemate = persons.Single(candidate => candidate.Bsn == ScenarioFacts.HousemateBsn);
        var company = companies.Single(candidate => candidate.KvkNumber == ScenarioFacts.CompanyKvkNumber);

        var residents = persons
            .Where(candidate => candidate.IsActive && candidate.Address is not null && !IsReserved(candidate.Address))
            .Where(candidate => candidate.Bsn is not ScenarioFacts.PersonBsn and not ScenarioFacts.HousemateBsn)
            .Where(candidate => !HasSyntheticName(candidate))
            .ToList();

        var otherCompanies = companies
            .Where(candidate => candidate.KvkNumber != ScenarioFacts.CompanyKvkNumber && !IsReserved(candidate.Address))
            .ToList();

        return new DemoPopulation(persons.Count, residents, otherCompanies, person, housemate, company);
    }

    /// <summary>Whether a person is at least 18 on the export date; an unknown birth year counts as adult.</summary>
    public static bool IsAdult(BrpPerson person)
    {
        if (person.BirthDate is not { Length: 8 } date || date[..4] == "0000")
        {
            return true;
        }

        var year = int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture);
        return year <= DemoDataSet.ExportDate.Year - 18;
    }

    /// <summary>
    /// Picks an adult resident whose house number can be written in one field without doubt,
    /// for the exports that keep huisnummer, huisletter and toevoeging together.
    /// </summary>
    /// <param name="random">The export's random sequence.</param>
    /// <param name="forNumericBsnColumn">Whether the export writes the BSN as a number; see <see cref="BsnSurvivesNumericColumn"/>.</param>
    public BrpPerson PickAdultResident(DeterministicRandom random, bool forNumericBsnColumn)
    {
        while (true)
        {
            var person = random.Pick(Residents);
            if (IsAdult(person) && person.Address!.HasPlainAddition && (!forNumericBsnColumn || BsnSurvivesNumericColumn(person.Bsn)))
            {
                return person;
            }
        }
    }

    /// <summary>
    /// Whether a BSN written as a number still has 8 digits, so that a declared pad rule can
    /// restore it. The RvIG test BSNs 0000098xx would shrink to 4 digits, which the normaliser
    /// rejects whatever the source declares, so the numeric-column exports leave those persons out.
    /// </summary>
    public static bool BsnSurvivesNumericColumn(string bsn) => !bsn.StartsWith("00", StringComparison.Ordinal);

    /// <summary>
    /// Whether the person is one of the synthetic DigiD test accounts, whose names carry digits
    /// ("Digid 1 100600116 voornamen"). Many of them share one address, and no department would
    /// hold them, so they stay out of the department exports.
    /// </summary>
    private static bool HasSyntheticName(BrpPerson person) =>
        person.Surname.Any(char.IsAsciiDigit) || (person.FirstNames ?? "").Any(char.IsAsciiDigit);

    private static bool IsReserved(DutchAddress address) =>
        (address.Postcode == ScenarioFacts.HomePostcode && address.HouseNumber == ScenarioFacts.HomeHouseNumber)
        || (address.Postcode == ScenarioFacts.CompanyPostcode && address.HouseNumber == ScenarioFacts.CompanyHouseNumber)
        || (address.Postcode == ScenarioFacts.NoHitPostcode && address.HouseNumber == ScenarioFacts.NoHitHouseNumber);
}
