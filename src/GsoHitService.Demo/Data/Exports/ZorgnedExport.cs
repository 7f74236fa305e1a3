using System.Text.Json;

namespace GsoHitService.Demo.Data.Exports;

/// <summary>
/// Generates the Zorgned client records of the social domain: a JSON array of NAW records in the
/// shape of the Zorgned <c>persoonsgegevensNAW</c> response (<c>{persoon, inschrijfadres}</c>).
/// </summary>
/// <remarks>
/// Zorgned keeps the birth name (<c>geboortenaam</c>) and voorvoegsel apart, the partner's name
/// beside it, the birth date as ISO <c>yyyy-MM-dd</c> and the huisnummer as a JSON number. The
/// Mijn Amsterdam mock record is included as it is: its BSN <c>123123</c> is too short, but its
/// address and name are valid, so an import indexes it and counts one rejected identifier. The NAW
/// shape has no status or end date, so this export has no inactive records.
/// </remarks>
internal static class ZorgnedExport
{
    private const ulong Seed = 0x7A6F72676E6564;

    public static ExportCounts Write(Stream stream, DemoPopulation population)
    {
        var random = new DeterministicRandom(Seed);
        // Each entry writes one record: a generated client, or the mock record as it is.
        var clients = new List<Action<Utf8JsonWriter>>();

        foreach (var person in population.Residents)
        {
            if (person.HasFullBirthDate && random.Chance(7))
            {
                var client = CreateClient(random, person);
                clients.Add(writer => WriteClient(writer, client));
            }
        }

        var scenarioClient = CreateClient(random, population.ScenarioPerson);
        clients.Insert(random.Next(clients.Count + 1), writer => WriteClient(writer, scenarioClient));

        var mockRecord = ReadMockRecord();
        clients.Insert(random.Next(clients.Count + 1), writer => mockRecord.WriteTo(writer));

        // A 5-digit BSN, an impossible birth date and a 5-character postcode: nothing to index.
        var invalid = new Client(
            "12345", ClientId: random.Next(100_000, 1_000_000), GenderCode: "V", Initials: "A.", Prefix: null, BirthName: "Onbekend",
            FirstNames: "Anna", CallName: "Anna", BirthDate: "1985-02-30", Married: false, NameUseCode: "E", PartnerName: null,
            PartnerPrefix: null, HouseNumber: 3, HouseLetter: null, Addition: null, Postcode: "1011 A", Street: "Onbekend", Place: "Amsterdam");
        clients.Insert(random.Next(clients.Count + 1), writer => WriteClient(writer, invalid));

        using (var writer = new Utf8JsonWriter(stream, ExportFormatting.JsonOptions))
        {
            writer.WriteStartArray();
            foreach (var writeClient in clients)
            {
                writeClient(writer);
            }

            writer.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
        return new ExportCounts(clients.Count, Inactive: 0, Invalid: 1);
    }

    private static Client CreateClient(DeterministicRandom random, BrpPerson person)
    {
        var address = person.Address!;
        return new Client(
            Bsn: person.Bsn,
            ClientId: random.Next(100_000, 1_000_000),
            GenderCode: person.GenderCode,
            Initials: person.Initials,
            Prefix: person.Prefix,
            BirthName: person.Surname,
            FirstNames: person.FirstNames,
            CallName: person.CallName,
            BirthDate: ExportFormatting.IsoDate(person.FullBirthDate),
            Married: person.PartnerSurname is not null,
            NameUseCode: person.NameUseCode ?? "E",
            PartnerName: person.PartnerSurname,
            PartnerPrefix: person.PartnerPrefix,
            HouseNumber: address.HouseNumber,
            HouseLetter: address.HouseLetter,
            Addition: address.Addition,
            Postcode: random.Chance(60) ? address.PostcodeWithSpace : address.Postcode,
            Street: address.Street,
            Place: address.Place);
    }

    private static void WriteClient(Utf8JsonWriter writer, Client client)
    {
        writer.WriteStartObject();

        writer.WriteStartObject("persoon");
        writer.WriteString("bsn", client.Bsn);
        writer.WriteNumber("clientidentificatie", client.ClientId);
        WriteCode(writer, "geslachtsaanduiding", client.GenderCode, client.GenderCode switch { "M" => "Man", "V" => "Vrouw", _ => "Onbekend" });
        writer.WriteString("voorletters", client.Initials);
        WriteStringOrNull(writer, "voorvoegsel", client.Prefix);
        writer.WriteString("geboortenaam", client.BirthName);
        WriteStringOrNull(writer, "voornamen", client.FirstNames);
        WriteStringOrNull(writer, "roepnaam", client.CallName);
        writer.WriteString("geboortedatum", client.BirthDate);
        if (client.Married)
        {
            WriteCode(writer, "burgerlijkestaat", "2", "Gehuwd");
        }
        else
        {
            WriteCode(writer, "burgerlijkestaat", "1", "Ongehuwd en nooit gehuwd geweest");
        }

        WriteCode(writer, "aanduidingNaamgebruik", client.NameUseCode, NameUseDescription(client.NameUseCode));
        WriteStringOrNull(writer, "partnernaam", client.PartnerName);
        WriteStringOrNull(writer, "partnervoorvoegsel", client.PartnerPrefix);
        writer.WriteString("persoontype", "P");
        writer.WriteEndObject();

        writer.WriteStartObject("inschrijfadres");
        writer.WriteNumber("huisnummer", client.HouseNumber);
        WriteStringOrNull(writer, "huisletter", client.HouseLetter);
        WriteStringOrNull(writer, "huisnummerToevoeging", client.Addition);
        writer.WriteString("postcode", client.Postcode);
        writer.WriteString("straatnaam", client.Street);
        writer.WriteString("plaats", client.Place);
        writer.WriteString("adrestype", "R");
        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    private static string NameUseDescription(string code) => code switch
    {
        "P" => "Naam partner",
        "V" => "Naam partner gevolgd door geboortenaam",
        "N" => "Geboortenaam gevolgd door naam partner",
        _ => "Geboortenaam",
    };

    private static void WriteCode(Utf8JsonWriter writer, string name, string code, string description)
    {
        writer.WriteStartObject(name);
        writer.WriteString("code", code);
        writer.WriteString("omschrijving", description);
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static JsonElement ReadMockRecord()
    {
        using var stream = TestDataResources.Open(TestDataResources.ZorgnedNaw);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private sealed record Client(
        string Bsn,
        int ClientId,
        string GenderCode,
        string Initials,
        string? Prefix,
        string BirthName,
        string? FirstNames,
        string? CallName,
        string BirthDate,
        bool Married,
        string NameUseCode,
        string? PartnerName,
        string? PartnerPrefix,
        int HouseNumber,
        string? HouseLetter,
        string? Addition,
        string Postcode,
        string Street,
        string Place);
}
