using System.Globalization;
using System.Text.Json;

namespace GsoHitService.Demo.Data.Exports;

/// <summary>
/// Generates the Decos JOIN permit cases: the shape of a Decos <c>items</c> response
/// (<c>{count, content: [{key, fields, links}]}</c>) with generic fields whose meaning depends on
/// the zaaktype in <c>text45</c>.
/// </summary>
/// <remarks>
/// Field use, per the Mijn Amsterdam Decos mock where it shows one, otherwise chosen here:
/// <list type="bullet">
/// <item><c>text9</c>: the kenteken for "Werk en vervoer op straat", a category label for touringcar and event cases.</item>
/// <item><c>text10</c>: the kenteken for "Touringcar Dagontheffing", a description for other types.</item>
/// <item><c>text13</c>: the kenteken for "Eigen parkeerplaats".</item>
/// <item><c>num1</c>: the holder's BSN as a JSON number, so a leading zero is lost (declare the pad rule).</item>
/// <item><c>text8</c> and <c>company</c>: the holder's KvK-nummer and name when the holder is a company.</item>
/// <item><c>zipcode</c> (with or without space) and <c>text20</c> (huisnummer, huisletter directly after it, toevoeging after a dash): the holder's address.</item>
/// <item><c>dfunction</c>: the result; "Ingetrokken" and "Niet verleend" cases also have a past end date in <c>date7</c>.</item>
/// </list>
/// </remarks>
internal static class DecosExport
{
    public const string WorkOnStreet = "Werk en vervoer op straat";
    public const string OwnParkingSpace = "Eigen parkeerplaats";
    public const string CoachDayExemption = "Touringcar Dagontheffing";
    public const string EventNotice = "Evenement melding";
    public const string HolidayRental = "Vakantieverhuur vergunningsaanvraag";
    public const string Catering = "Horeca vergunning exploitatie Horecabedrijf";

    /// <summary>Results that a relevance filter excludes.</summary>
    public static IReadOnlyList<string> InactiveResults { get; } = ["Ingetrokken", "Niet verleend"];

    private const int RandomCaseCount = 44;
    private const ulong Seed = 0x6465636F73_0001;

    private static readonly (string Type, int Weight)[] TypeWeights =
    [
        (WorkOnStreet, 30), (OwnParkingSpace, 15), (CoachDayExemption, 10), (EventNotice, 15), (HolidayRental, 15), (Catering, 15),
    ];

    private static readonly string[] CoachCategories = ["Ouderen van de AOW leeftijd", "Kinderen tot 12", "Schoolreis"];
    private static readonly string[] EventCategories = ["Eten en drinken", "Muziek", "Sport"];
    private static readonly string[] EventNames = ["Buurtfeest", "Barbecue", "Straatfeest", "Rommelmarkt"];
    private static readonly string[] CateringKinds = ["afhaalrestaurant", "café", "lunchroom"];

    public static ExportCounts Write(Stream stream, DemoPopulation population, LicencePlateRegistry plates)
    {
        var random = new DeterministicRandom(Seed);
        var cases = new List<DecosCase>();
        var inactive = 0;

        for (var i = 0; i < RandomCaseCount; i++)
        {
            var zaak = CreateRandomCase(random, population, plates);
            inactive += zaak.IsInactive ? 1 : 0;
            cases.Add(zaak);
        }

        // The scenario and the invalid cases go to random places, so they are not first or last.
        var special = new List<DecosCase>
        {
            CreateVanExemption(random, population.ScenarioCompany),
            CreateWithdrawnParkingPermit(random, population.ScenarioPerson),
            CreateInvalidWorkOnStreetCase(random),
            CreateInvalidHolidayRentalCase(random),
        };
        inactive += special.Count(zaak => zaak.IsInactive);
        foreach (var zaak in special)
        {
            cases.Insert(random.Next(cases.Count + 1), zaak);
        }

        WriteJson(stream, cases);
        return new ExportCounts(cases.Count, inactive, Invalid: 2);
    }

    private static DecosCase CreateRandomCase(DeterministicRandom random, DemoPopulation population, LicencePlateRegistry plates)
    {
        var type = PickType(random);
        var isInactive = random.Chance(15);
        var zaak = NewCase(random, type, isInactive);

        switch (type)
        {
            case WorkOnStreet:
                zaak.Add("text9", FormatPlate(random, plates.Next(random)));
                break;
            case OwnParkingSpace:
                zaak.Add("text13", FormatPlate(random, plates.Next(random)));
                break;
            case CoachDayExemption:
                zaak.Add("text9", random.Pick(CoachCategories));
                zaak.Add("text10", FormatPlate(random, plates.Next(random)));
                break;
            case EventNotice:
                zaak.Add("text9", random.Pick(EventCategories));
                zaak.Add("text10", random.Pick(EventNames));
                break;
            case Catering:
                zaak.Add("text10", random.Pick(CateringKinds));
                break;
        }

        var companyHolder = (type is WorkOnStreet or CoachDayExemption or Catering) && random.Chance(40);
        if (companyHolder)
        {
            AddCompanyHolder(random, zaak, random.Pick(population.Companies));
        }
        else
        {
            var person = population.PickAdultResident(random, forNumericBsnColumn: true);
            AddPersonHolder(random, zaak, person);
            if (type == HolidayRental)
            {
                zaak.Add("text6", $"{person.Address!.Street} {person.Address.HouseNumberText} {person.Address.Postcode} {person.Address.Place}");
            }
        }

        return zaak;
    }

    private static DecosCase CreateVanExemption(DeterministicRandom random, KvkCompany company)
    {
        var zaak = NewCase(random, WorkOnStreet, documentDate: new DateOnly(2025, 2, 11), isInactive: false, result: ("Afgehandeld", "Verleend", true));
        zaak.Add("text9", ScenarioFacts.VanPlate);
        zaak.Add("text49", ScenarioFacts.VanPlate);
        AddCompanyHolder(random, zaak, company);
        return zaak;
    }

    private static DecosCase CreateWithdrawnParkingPermit(DeterministicRandom random, BrpPerson person)
    {
        var zaak = NewCase(random, OwnParkingSpace, documentDate: new DateOnly(2020, 8, 17), isInactive: true, result: ("Afgehandeld", "Ingetrokken", true));
        zaak.Add("text13", LicencePlateGenerator.WithDashes(ScenarioFacts.FormerCarPlate));
        AddPersonHolder(random, zaak, person);
        return zaak;
    }

    private static DecosCase CreateInvalidWorkOnStreetCase(DeterministicRandom random)
    {
        // A foreign-style plate, a 7-digit BSN and a postcode that starts with 0: nothing to index.
        var zaak = NewCase(random, WorkOnStreet, documentDate: new DateOnly(2024, 9, 3), isInactive: false, result: ("In behandeling", "Nog niet bekend", false));
        zaak.Add("text9", "AB-12");
        zaak.Add("num1", 1234567L);
        zaak.Add("zipcode", "0123 AB");
        zaak.Add("text20", "12");
        zaak.Add("mailaddress", "Onbekend 12, 0123 AB Amsterdam");
        zaak.Add("city", "Amsterdam");
        return zaak;
    }

    private static DecosCase CreateInvalidHolidayRentalCase(DeterministicRandom random)
    {
        // A 5-digit BSN and the postcode letters SA, which are never issued.
        var zaak = NewCase(random, HolidayRental, documentDate: new DateOnly(2024, 11, 20), isInactive: false, result: ("Ontvangen", null, false));
        zaak.Add("num1", 12345L);
        zaak.Add("zipcode", "1234SA");
        zaak.Add("text20", "7");
        zaak.Add("mailaddress", "Teststraat 7, 1234SA Amsterdam");
        zaak.Add("city", "Amsterdam");
        zaak.Add("text6", "Teststraat 7 1234SA Amsterdam");
        return zaak;
    }

    private static DecosCase NewCase(DeterministicRandom random, string type, bool isInactive)
    {
        var documentDate = isInactive
            ? random.NextDate(new DateOnly(2019, 1, 7), new DateOnly(2023, 6, 30))
            : random.NextDate(new DateOnly(2021, 1, 4), DemoDataSet.ExportDate.AddDays(-40));

        (string Title, string? Result, bool Processed) result;
        if (isInactive)
        {
            result = ("Afgehandeld", random.Pick(InactiveResults), true);
        }
        else
        {
            var state = random.Next(100);
            if (state < 60)
            {
                result = ("Afgehandeld", "Verleend", true);
            }
            else if (state < 85)
            {
                result = ("In behandeling", "Nog niet bekend", false);
            }
            else
            {
                result = ("Ontvangen", null, false);
            }
        }

        return NewCase(random, type, documentDate, isInactive, result);
    }

    private static DecosCase NewCase(
        DeterministicRandom random,
        string type,
        DateOnly documentDate,
        bool isInactive,
        (string Title, string? Result, bool Processed) result)
    {
        var zaak = new DecosCase(NewKey(random), isInactive);
        var start = documentDate.AddDays(random.Next(7, 31));

        zaak.Add("title", result.Title);
        zaak.Add("text45", type);
        zaak.Add("mark", string.Create(CultureInfo.InvariantCulture, $"Z/{documentDate.Year % 100:00}/{random.Next(2_200_000, 2_300_000)}"));
        zaak.Add("processed", result.Processed);
        zaak.Add("document_date", ExportFormatting.DecosDateTime(documentDate));
        zaak.Add("dfunction", result.Result);
        zaak.Add("date6", ExportFormatting.DecosDateTime(start));

        // Only ended cases carry an end date, always in the past, so that the expected answers do
        // not change as time passes.
        if (isInactive)
        {
            zaak.Add("date7", ExportFormatting.DecosDateTime(start.AddDays(random.Next(30, 400))));
        }

        return zaak;
    }

    private static void AddPersonHolder(DeterministicRandom random, DecosCase zaak, BrpPerson person)
    {
        var address = person.Address!;

        // Decos keeps the BSN in a numeric field, so a leading zero is gone.
        zaak.Add("num1", long.Parse(person.Bsn, CultureInfo.InvariantCulture));
        AddAddress(random, zaak, address);
    }

    private static void AddCompanyHolder(DeterministicRandom random, DecosCase zaak, KvkCompany company)
    {
        zaak.Add("company", company.Name);
        zaak.Add("text8", company.KvkNumber);
        AddAddress(random, zaak, company.Address);
    }

    private static void AddAddress(DeterministicRandom random, DecosCase zaak, DutchAddress address)
    {
        var postcode = random.Chance(50) ? address.PostcodeWithSpace : address.Postcode;
        zaak.Add("zipcode", postcode);
        zaak.Add("text20", address.HouseNumberText);
        zaak.Add("mailaddress", $"{address.Street} {address.HouseNumberText}, {postcode} {address.Place}");
        zaak.Add("city", address.Place);
    }

    private static string PickType(DeterministicRandom random)
    {
        var roll = random.Next(TypeWeights.Sum(entry => entry.Weight));
        foreach (var (type, weight) in TypeWeights)
        {
            if (roll < weight)
            {
                return type;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The zaaktype weights do not cover the roll.");
    }

    private static string FormatPlate(DeterministicRandom random, string plate) =>
        random.Chance(50) ? LicencePlateGenerator.WithDashes(plate) : plate;

    private static string NewKey(DeterministicRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.NextUInt64():X16}{random.NextUInt64():X16}");

    private static void WriteJson(Stream stream, IReadOnlyList<DecosCase> cases)
    {
        using var writer = new Utf8JsonWriter(stream, ExportFormatting.JsonOptions);
        writer.WriteStartObject();
        writer.WriteNumber("count", cases.Count);
        writer.WriteStartArray("content");
        foreach (var zaak in cases)
        {
            writer.WriteStartObject();
            writer.WriteString("key", zaak.Key);
            writer.WriteStartObject("fields");
            foreach (var (name, value) in zaak.Fields)
            {
                WriteField(writer, name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("links");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteField(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case long number:
                writer.WriteNumber(name, number);
                break;
            default:
                throw new InvalidOperationException($"Decos field '{name}' has an unsupported value type {value.GetType().Name}.");
        }
    }

    private sealed class DecosCase(string key, bool isInactive)
    {
        public string Key { get; } = key;

        public bool IsInactive { get; } = isInactive;

        public List<(string Name, object? Value)> Fields { get; } = [];

        public void Add(string name, object? value) => Fields.Add((name, value));
    }
}
