using System.Text.Json;

namespace GsoHitService.Demo.Data;

/// <summary>
/// Reads the RvIG test persons from the BRP personen mock input (GBA-style JSON: one object per
/// person, GBA codes with descriptions, dates as <c>yyyyMMdd</c>), keeping the file's order.
/// </summary>
internal static class BrpPersonReader
{
    public static IReadOnlyList<BrpPerson> Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var persons = new List<BrpPerson>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var bsn = GetString(element, "burgerservicenummer");
            if (bsn is null)
            {
                continue;
            }

            persons.Add(ReadPerson(element, bsn));
        }

        return persons;
    }

    private static BrpPerson ReadPerson(JsonElement element, string bsn)
    {
        var name = element.GetProperty("naam");
        var nameUse = name.TryGetProperty("aanduidingNaamgebruik", out var nameUseElement) ? nameUseElement : default;

        string? partnerPrefix = null;
        string? partnerSurname = null;
        if (element.TryGetProperty("partners", out var partners) && partners.GetArrayLength() > 0
            && partners[0].TryGetProperty("naam", out var partnerName))
        {
            partnerPrefix = GetString(partnerName, "voorvoegsel");
            partnerSurname = GetString(partnerName, "geslachtsnaam");
        }

        var isActive = !element.TryGetProperty("overlijden", out _) && !element.TryGetProperty("opschortingBijhouding", out _);

        return new BrpPerson(
            Bsn: bsn,
            FirstNames: GetString(name, "voornamen")?.Trim(),
            Prefix: GetString(name, "voorvoegsel"),
            Surname: GetString(name, "geslachtsnaam") ?? ".",
            BirthDate: element.TryGetProperty("geboorte", out var birth) ? GetString(birth, "datum") : null,
            GenderCode: element.TryGetProperty("geslacht", out var gender) ? GetString(gender, "code") ?? "O" : "O",
            NameUseCode: GetString(nameUse, "code"),
            PartnerPrefix: partnerPrefix,
            PartnerSurname: partnerSurname,
            Address: ReadAddress(element),
            IsActive: isActive);
    }

    private static DutchAddress? ReadAddress(JsonElement person)
    {
        if (!person.TryGetProperty("verblijfplaats", out var residence))
        {
            return null;
        }

        var postcode = GetString(residence, "postcode");
        var houseNumber = GetString(residence, "huisnummer");
        var street = GetString(residence, "straat") ?? GetString(residence, "naamOpenbareRuimte");

        // A location near an address (tegenover, bij) is not the address itself, so departments
        // would not register the person there.
        if (postcode is null || houseNumber is null || street is null || residence.TryGetProperty("aanduidingBijHuisnummer", out _))
        {
            return null;
        }

        var place = GetString(residence, "woonplaats")
            ?? (person.TryGetProperty("gemeenteVanInschrijving", out var municipality) ? GetString(municipality, "omschrijving") : null)
            ?? "";

        return new DutchAddress(
            Street: street.Trim(),
            HouseNumber: int.Parse(houseNumber, System.Globalization.CultureInfo.InvariantCulture),
            HouseLetter: GetString(residence, "huisletter"),
            Addition: GetString(residence, "huisnummertoevoeging"),
            Postcode: postcode,
            Place: place);
    }

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
