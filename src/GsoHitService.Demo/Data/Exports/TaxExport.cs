using System.Globalization;

namespace GsoHitService.Demo.Data.Exports;

/// <summary>
/// Generates the tax system's exports: WOZ objects and tax assessments (aanslagen), as CSV with a
/// byte order mark, <c>;</c> between fields, CRLF line ends and dates as <c>dd-mm-jjjj</c>.
/// </summary>
/// <remarks>
/// The column layout is designed here after what municipal tax systems export; no real export was
/// copied. Each file carries its own identifiers, so that each can be read on its own:
/// <list type="bullet">
/// <item><c>woz-objecten.csv</c>: the object's address (huisnummer and huisletter in one field,
/// toevoeging apart, postcode with or without space) and the owner's and user's BSN or KvK-nummer.
/// Objects that no longer exist have a past <c>Datum einde</c> and status <c>Vervallen</c>.</item>
/// <item><c>aanslagen.csv</c>: the taxpayer's BSN and KvK-nummer. The BSN column went through a
/// numeric column, so BSNs lost their leading zeros (declare the pad rule for it). Annulled
/// assessments have status <c>Vernietigd</c>.</item>
/// </list>
/// </remarks>
internal static class TaxExport
{
    public const string InactiveObjectStatus = "Vervallen";
    public const string InactiveAssessmentStatus = "Vernietigd";

    private const ulong Seed = 0x62656C617374_0001;
    private const int TaxYear = 2025;

    private static readonly string[] ObjectHeader =
    [
        "WOZ-objectnummer", "Straatnaam", "Huisnummer", "Toevoeging", "Postcode", "Woonplaats", "Gebruikscode",
        "Eigenaar BSN", "Eigenaar KvK-nummer", "Gebruiker BSN", "Gebruiker KvK-nummer",
        "WOZ-waarde", "Waardepeildatum", "Datum begin", "Datum einde", "Status",
    ];

    private static readonly string[] AssessmentHeader =
    [
        "Aanslagnummer", "Belastingjaar", "Subjectnummer", "BSN", "KvK-nummer", "Naam belastingplichtige",
        "Heffing", "WOZ-objectnummer", "Bedrag", "Dagtekening", "Vervaldatum", "Status",
    ];

    public static (ExportCounts Objects, ExportCounts Assessments) Write(Stream objectStream, Stream assessmentStream, DemoPopulation population)
    {
        var random = new DeterministicRandom(Seed);
        var objects = new List<TaxObject>();

        AddResidentialObjects(random, population, objects);
        AddCompanyObjects(random, population.Companies, objects);
        AddScenarioObjects(population, objects);

        var assessments = new List<Assessment>();
        foreach (var taxObject in objects.Where(candidate => !candidate.IsInactive))
        {
            AddAssessments(random, taxObject, assessments);
        }

        // Rows that every import must reject, at random places. Objects: a 3-digit postcode with
        // house number 0 and no owner or user, and a postcode starting with 0 with a 5-digit owner
        // BSN. Assessments: a 7-digit BSN, and an 8-digit BSN that fails the elfproef once padded
        // with a 7-digit KvK-nummer.
        InsertAtRandom(random, objects, new TaxObject("051800000001", "Onbekend", "0", null, "123 AB", "Den Haag", "Woning", Owner: Taxpayer.None, User: Taxpayer.None, 180_000, new DateOnly(2011, 5, 2), End: null));
        InsertAtRandom(random, objects, new TaxObject("051800000002", "Onbekend", "14", null, "0612AB", "Den Haag", "Woning", Owner: new Taxpayer("12345", null, "Onbekend, C."), User: Taxpayer.None, 210_000, new DateOnly(2015, 1, 1), End: null));
        InsertAtRandom(random, assessments, new Assessment(NewAssessmentNumber(random), "900001", new Taxpayer("1234567", null, "Onbekend, A."), "Afvalstoffenheffing", "051800000001", 389.04m, "Openstaand"));
        InsertAtRandom(random, assessments, new Assessment(NewAssessmentNumber(random), "900002", new Taxpayer("99999999", "1234567", "Onbekend, B."), "Rioolheffing gebruiker", "051800000002", 201.10m, "Openstaand"));

        WriteObjects(objectStream, objects);
        WriteAssessments(assessmentStream, assessments);

        return (
            new ExportCounts(objects.Count, objects.Count(taxObject => taxObject.IsInactive), Invalid: 2),
            new ExportCounts(assessments.Count, assessments.Count(assessment => assessment.Status == InactiveAssessmentStatus), Invalid: 2));
    }

    private static void AddResidentialObjects(DeterministicRandom random, DemoPopulation population, List<TaxObject> objects)
    {
        // One WOZ object per address, for a share of the addresses, in the order they first appear.
        var households = population.Residents
            .GroupBy(person => person.Address!.Key, StringComparer.Ordinal)
            .Select(group => group.ToList());

        foreach (var household in households)
        {
            if (!random.Chance(45))
            {
                continue;
            }

            var adults = household.Where(DemoPopulation.IsAdult).ToList();
            var user = Taxpayer.Of(adults.Count > 0 ? adults[0] : household[0]);
            var owner = random.Chance(55) ? user : Taxpayer.None;
            var isInactive = random.Chance(4);
            var start = random.NextDate(new DateOnly(1995, 1, 1), new DateOnly(2022, 12, 31));
            DateOnly? end = isInactive ? random.NextDate(start.AddDays(200), new DateOnly(2024, 6, 30)) : null;

            objects.Add(TaxObject.At(random, NewObjectNumber(random), household[0].Address!, "Woning", owner, user, random.Next(180, 1200) * 1_000, start, end));
        }
    }

    private static void AddCompanyObjects(DeterministicRandom random, IReadOnlyList<KvkCompany> companies, List<TaxObject> objects)
    {
        var serial = 0;
        foreach (var company in companies)
        {
            serial += 1;

            // The owner of an eenmanszaak is the natural person, who is taxed with BSN and KvK-nummer.
            var taxpayer = new Taxpayer(company.OwnerBsn, company.KvkNumber, company.Name);
            var number = string.Create(CultureInfo.InvariantCulture, $"05180007{serial:0000}");
            objects.Insert(random.Next(objects.Count + 1), TaxObject.At(random, number, company.Address, "Niet-woning", taxpayer, taxpayer, 450_000 + (serial * 125_000), new DateOnly(2010, 1, 1), end: null));
        }
    }

    private static void AddScenarioObjects(DemoPopulation population, List<TaxObject> objects)
    {
        // The Koolmees home, written with huisletter and postcode as "2A" and "1079TX": Karin is
        // the user; the owner is not a test person.
        var home = population.ScenarioPerson.Address!;
        objects.Insert(objects.Count / 3, new TaxObject(
            "051800031415", home.Street, home.HouseNumberWithLetter, home.Addition, home.Postcode, home.Place, "Woning",
            Owner: Taxpayer.None, User: Taxpayer.Of(population.ScenarioPerson), 415_000, new DateOnly(2017, 3, 28), End: null));

        // The company's premises, owned and used by the company, with the postcode as "1034 WL".
        var company = population.ScenarioCompany;
        var companyTaxpayer = new Taxpayer(null, company.KvkNumber, company.Name);
        objects.Insert(objects.Count * 2 / 3, new TaxObject(
            "051800092653", company.Address.Street, company.Address.HouseNumberWithLetter, company.Address.Addition, company.Address.PostcodeWithSpace, company.Address.Place, "Niet-woning",
            Owner: companyTaxpayer, User: companyTaxpayer, 640_000, new DateOnly(2017, 7, 10), End: null));
    }

    private static void AddAssessments(DeterministicRandom random, TaxObject taxObject, List<Assessment> assessments)
    {
        var isResidential = taxObject.UseCode == "Woning";

        if (taxObject.User.IsKnown && taxObject.User.FitsAssessmentExport)
        {
            var heffing = isResidential ? "Afvalstoffenheffing, Rioolheffing gebruiker" : "OZB gebruiker niet-woning, Rioolheffing gebruiker";
            assessments.Add(NewAssessment(random, taxObject, taxObject.User, heffing, 300m + (random.Next(0, 20_000) / 100m)));
        }

        if (taxObject.Owner.IsKnown && taxObject.Owner.FitsAssessmentExport)
        {
            var heffing = isResidential ? "OZB eigenaar woning" : "OZB eigenaar niet-woning";
            assessments.Add(NewAssessment(random, taxObject, taxObject.Owner, heffing, taxObject.Value * 0.0008m));
        }
    }

    private static Assessment NewAssessment(DeterministicRandom random, TaxObject taxObject, Taxpayer taxpayer, string heffing, decimal amount)
    {
        var status = PickAssessmentStatus(random.Next(100));

        // The scenario's assessments must count, so they are never annulled.
        if (taxpayer.Bsn == ScenarioFacts.PersonBsn || taxpayer.KvkNumber == ScenarioFacts.CompanyKvkNumber)
        {
            status = "Openstaand";
        }

        return new Assessment(
            NewAssessmentNumber(random),
            SubjectNumber: ExportFormatting.Number(random.Next(100_000, 900_000)),
            taxpayer,
            heffing,
            taxObject.Number,
            Math.Round(amount, 2, MidpointRounding.AwayFromZero),
            status);
    }

    /// <summary>Maps a roll in [0, 100) to a status: 60% open, 30% paid, 5% remitted, 5% annulled.</summary>
    private static string PickAssessmentStatus(int roll)
    {
        if (roll < 60)
        {
            return "Openstaand";
        }

        if (roll < 90)
        {
            return "Betaald";
        }

        return roll < 95 ? "Kwijtgescholden" : InactiveAssessmentStatus;
    }

    private static void WriteObjects(Stream stream, IReadOnlyList<TaxObject> objects)
    {
        using var csv = new SemicolonCsvWriter(stream);
        csv.WriteRow(ObjectHeader);
        foreach (var taxObject in objects)
        {
            csv.WriteRow(
            [
                taxObject.Number,
                taxObject.Street,
                taxObject.HouseNumber,
                taxObject.Addition,
                taxObject.Postcode,
                taxObject.Place,
                taxObject.UseCode,
                taxObject.Owner.Bsn,
                taxObject.Owner.KvkNumber,
                taxObject.User.Bsn,
                taxObject.User.KvkNumber,
                ExportFormatting.Number(taxObject.Value),
                ExportFormatting.DutchDate(new DateOnly(TaxYear - 1, 1, 1)),
                ExportFormatting.DutchDate(taxObject.Start),
                taxObject.End is { } end ? ExportFormatting.DutchDate(end) : "",
                taxObject.IsInactive ? InactiveObjectStatus : "Actief",
            ]);
        }
    }

    private static void WriteAssessments(Stream stream, IReadOnlyList<Assessment> assessments)
    {
        using var csv = new SemicolonCsvWriter(stream);
        csv.WriteRow(AssessmentHeader);
        foreach (var assessment in assessments)
        {
            csv.WriteRow(
            [
                assessment.Number,
                ExportFormatting.Number(TaxYear),
                assessment.SubjectNumber,

                // The BSN went through a numeric column: 010245741 became 10245741.
                assessment.Taxpayer.Bsn?.TrimStart('0'),
                assessment.Taxpayer.KvkNumber,
                assessment.Taxpayer.Name,
                assessment.Heffing,
                assessment.ObjectNumber,
                ExportFormatting.DutchAmount(assessment.Amount),
                ExportFormatting.DutchDate(new DateOnly(TaxYear, 2, 28)),
                ExportFormatting.DutchDate(new DateOnly(TaxYear, 3, 31)),
                assessment.Status,
            ]);
        }
    }

    private static string NewObjectNumber(DeterministicRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"0518{random.Next(10_000_000, 100_000_000)}");

    private static string NewAssessmentNumber(DeterministicRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"{TaxYear}{random.Next(1_000_000, 10_000_000)}");

    private static void InsertAtRandom<T>(DeterministicRandom random, List<T> items, T item) =>
        items.Insert(random.Next(items.Count + 1), item);

    /// <summary>An owner, user or assessed party: a person (BSN), a company (KvK-nummer) or both for an eenmanszaak.</summary>
    private sealed record Taxpayer(string? Bsn, string? KvkNumber, string? Name)
    {
        public static Taxpayer None { get; } = new(null, null, null);

        public bool IsKnown => Bsn is not null || KvkNumber is not null;

        /// <summary>Whether the BSN, if any, survives the numeric BSN column of the assessments.</summary>
        public bool FitsAssessmentExport => Bsn is null || DemoPopulation.BsnSurvivesNumericColumn(Bsn);

        /// <summary>A person as tax systems name them: surname, initials, then voorvoegsel (<c>Ven, T.C. van der</c>).</summary>
        public static Taxpayer Of(BrpPerson person)
        {
            var name = string.IsNullOrEmpty(person.Prefix)
                ? $"{person.Surname}, {person.Initials}"
                : $"{person.Surname}, {person.Initials} {person.Prefix}";
            return new Taxpayer(person.Bsn, null, name.TrimEnd(' ', ','));
        }
    }

    private sealed record TaxObject(
        string Number,
        string Street,
        string HouseNumber,
        string? Addition,
        string Postcode,
        string Place,
        string UseCode,
        Taxpayer Owner,
        Taxpayer User,
        int Value,
        DateOnly Start,
        DateOnly? End)
    {
        public bool IsInactive => End is not null;

        /// <summary>An object at an address, with the postcode written with or without its space.</summary>
        public static TaxObject At(DeterministicRandom random, string number, DutchAddress address, string useCode, Taxpayer owner, Taxpayer user, int value, DateOnly start, DateOnly? end)
        {
            var postcode = random.Chance(30) ? address.PostcodeWithSpace : address.Postcode;
            return new TaxObject(number, address.Street, address.HouseNumberWithLetter, address.Addition, postcode, address.Place, useCode, owner, user, value, start, end);
        }
    }

    private sealed record Assessment(
        string Number,
        string SubjectNumber,
        Taxpayer Taxpayer,
        string Heffing,
        string ObjectNumber,
        decimal Amount,
        string Status);
}
