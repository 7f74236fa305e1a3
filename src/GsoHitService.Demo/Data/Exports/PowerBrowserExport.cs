using System.Globalization;
using System.Text.Json;

namespace GsoHitService.Demo.Data.Exports;

/// <summary>
/// Generates the PowerBrowser bed and breakfast cases: a JSON array of
/// <c>{id, fields: [{fieldName, text, fieldValue}]}</c> records as in the Mijn Amsterdam mock.
/// </summary>
/// <remarks>
/// Dates have the Dutch form <c>dd-mm-jjjj</c> in <c>text</c> and a UTC instant in
/// <c>fieldValue</c> that falls on the day before (local midnight in Amsterdam). An empty field has
/// only its <c>fieldName</c>. The fields <c>AANVRAGER_BSN</c> and <c>LOCATIE_*</c> are chosen here,
/// because the mock has no person or address fields; <c>LOCATIE_HUISNUMMER</c> contains huisnummer,
/// huisletter and toevoeging in one field. Refused, withdrawn and dropped cases
/// (<see cref="InactiveResults"/>) also have a past <c>DATUM_TOT</c>; current permits have none.
/// </remarks>
internal static class PowerBrowserExport
{
    /// <summary>Results (<c>RESULTAAT_ID</c> text) that a relevance filter excludes.</summary>
    public static IReadOnlyList<string> InactiveResults { get; } =
        ["Geweigerd", "Geweigerd op basis van Quotum", "Ingetrokken", "Buiten behandeling"];

    private const int RandomCaseCount = 26;
    private const ulong Seed = 0x706F77657262_0001;

    private static readonly (string Text, string Code)[] GrantedResults =
        [("Verleend met overgangsrecht", "721"), ("Verleend zonder overgangsrecht", "722"), ("Van rechtswege verleend", "723")];

    private static readonly (string Text, string Code)[] EndedResults =
        [("Geweigerd", "717"), ("Geweigerd op basis van Quotum", "719"), ("Ingetrokken", "720"), ("Buiten behandeling", "716")];

    public static ExportCounts Write(Stream stream, DemoPopulation population)
    {
        var random = new DeterministicRandom(Seed);
        var cases = new List<List<Field>>();
        var inactive = 0;

        for (var i = 0; i < RandomCaseCount; i++)
        {
            var isInactive = random.Chance(20);
            inactive += isInactive ? 1 : 0;
            var person = population.PickAdultResident(random, forNumericBsnColumn: false);
            cases.Add(CreateCase(random, person.Bsn, person.Address!, isInactive, startDate: null, result: null));
        }

        // One case in the mock has no ZAAK_IDENTIFICATIE; so does one here.
        cases[random.Next(cases.Count)].RemoveAll(field => field.Name == "ZAAK_IDENTIFICATIE");

        var bedAndBreakfast = CreateCase(
            random,
            population.ScenarioHousemate.Bsn,
            population.ScenarioHousemate.Address!,
            isInactive: false,
            startDate: new DateOnly(2023, 3, 14),
            result: GrantedResults[1]);
        cases.Insert(random.Next(cases.Count + 1), bedAndBreakfast);

        // An applicant BSN that fails the elfproef and the never-issued postcode letters SS.
        var invalidAddress = new DutchAddress("Teststraat", 5, null, null, "1011SS", "Amsterdam");
        var invalid = CreateCase(random, "123456789", invalidAddress, isInactive: false, startDate: new DateOnly(2024, 10, 2), result: null);
        cases.Insert(random.Next(cases.Count + 1), invalid);

        WriteJson(stream, cases);
        return new ExportCounts(cases.Count, inactive, Invalid: 1);
    }

    private static List<Field> CreateCase(
        DeterministicRandom random,
        string applicantBsn,
        DutchAddress location,
        bool isInactive,
        DateOnly? startDate,
        (string Text, string Code)? result)
    {
        var start = startDate ?? (isInactive
            ? random.NextDate(new DateOnly(2019, 3, 1), new DateOnly(2023, 3, 31))
            : random.NextDate(new DateOnly(2022, 1, 3), DemoDataSet.ExportDate.AddDays(-100)));

        if (result is null && isInactive)
        {
            result = random.Pick(EndedResults);
        }
        else if (result is null && random.Chance(75))
        {
            result = random.Pick(GrantedResults);
        }

        var number = string.Create(CultureInfo.InvariantCulture, $"Z{start.Year}-WK{random.Next(1, 1_000_000):000000}");
        var end = result is null ? (DateOnly?)null : start.AddDays(random.Next(14, 91));
        DateOnly? validUntil = isInactive ? end!.Value.AddDays(random.Next(1, 200)) : null;
        var postcode = random.Chance(50) ? location.PostcodeWithSpace : location.Postcode;
        var caption = $"{number} BenB aanvragen - {location.Street} {location.HouseNumberText} {ExportFormatting.DutchDate(start)} Intake Vergunningaanvraag behandelen Bed en breakfast ";

        return
        [
            new("ZAAK_IDENTIFICATIE", number, number),
            DateField("STARTDATUM", start),
            DateField("EINDDATUM", end),
            DateField("INGANGSDATUM", start),
            DateField("DATUM_TOT", validUntil),
            result is { } given ? new("RESULTAAT_ID", given.Text, given.Code) : new("RESULTAAT_ID", null, null),
            new("FMT_CAPTION", caption, "10337"),
            new("AANVRAGER_BSN", applicantBsn, applicantBsn),
            new("LOCATIE_STRAAT", location.Street, location.Street),
            new("LOCATIE_HUISNUMMER", location.HouseNumberText, location.HouseNumberText),
            new("LOCATIE_POSTCODE", postcode, postcode),
            new("LOCATIE_PLAATS", location.Place, location.Place),
        ];
    }

    private static Field DateField(string name, DateOnly? date) =>
        date is { } value
            ? new(name, ExportFormatting.DutchDate(value), ExportFormatting.PowerBrowserUtc(value))
            : new(name, null, null);

    private static void WriteJson(Stream stream, IReadOnlyList<List<Field>> cases)
    {
        using var writer = new Utf8JsonWriter(stream, ExportFormatting.JsonOptions);
        writer.WriteStartArray();

        // Ids count down, as in the mock, where the newest case comes first.
        var id = 126_088_700L;
        foreach (var fields in cases)
        {
            writer.WriteStartObject();
            writer.WriteString("id", ExportFormatting.Number(id));
            id -= 1;
            writer.WriteStartArray("fields");
            foreach (var field in fields)
            {
                writer.WriteStartObject();
                writer.WriteString("fieldName", field.Name);
                if (field.Text is not null)
                {
                    writer.WriteString("text", field.Text);
                    writer.WriteString("fieldValue", field.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private sealed record Field(string Name, string? Text, string? Value);
}
