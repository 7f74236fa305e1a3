using System.Text.Json;

namespace GsoHitService.Demo.Data;

/// <summary>
/// Reads the KvK test companies from the KvK API v1 test-environment responses and the
/// Handelsregister (DataPunt <c>hr_kvk</c>) eenmanszaak mock, in a fixed order.
/// </summary>
/// <remarks>
/// The DataPunt files about Gemeente Amsterdam describe a real public organisation and its real
/// buildings, so the demo leaves them out.
/// </remarks>
internal static class KvkCompanyReader
{
    public static IReadOnlyList<KvkCompany> ReadAll() =>
    [
        ReadBasisprofiel(TestDataResources.KvkBasisprofiel),
        ReadVestigingsprofiel(TestDataResources.KvkVestigingsprofiel),
        ReadBasisprofiel(TestDataResources.KvkBasisprofielVve),
        ReadHrEenmanszaak(TestDataResources.HrEenmanszaak),
    ];

    private static KvkCompany ReadBasisprofiel(string resource)
    {
        using var stream = TestDataResources.Open(resource);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var embedded = root.GetProperty("_embedded");

        // The basisprofiel of an eenmanszaak carries its address on the hoofdvestiging; that of a
        // legal entity on the eigenaar.
        var addresses = embedded.TryGetProperty("hoofdvestiging", out var mainBranch)
            ? mainBranch.GetProperty("adressen")
            : embedded.GetProperty("eigenaar").GetProperty("adressen");

        return new KvkCompany(
            KvkNumber: root.GetProperty("kvkNummer").GetString()!,
            Name: root.GetProperty("naam").GetString()!,
            Address: ReadVisitingAddress(addresses),
            OwnerBsn: null);
    }

    private static KvkCompany ReadVestigingsprofiel(string resource)
    {
        using var stream = TestDataResources.Open(resource);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        return new KvkCompany(
            KvkNumber: root.GetProperty("kvkNummer").GetString()!,
            Name: root.GetProperty("statutaireNaam").GetString()!,
            Address: ReadVisitingAddress(root.GetProperty("adressen")),
            OwnerBsn: null);
    }

    private static KvkCompany ReadHrEenmanszaak(string resource)
    {
        using var stream = TestDataResources.Open(resource);
        using var document = JsonDocument.Parse(stream);
        var embedded = document.RootElement.GetProperty("_embedded");
        var activity = embedded.GetProperty("maatschappelijkeactiviteiten")[0];
        var owner = embedded.GetProperty("heeftAlsEigenaarHrNps")[0];

        var address = new DutchAddress(
            Street: activity.GetProperty("bezoekLocatieStraatnaam").GetString()!,
            HouseNumber: activity.GetProperty("bezoekLocatieHuisnummer").GetInt32(),
            HouseLetter: NullIfEmpty(activity, "bezoekLocatieHuisletter"),
            Addition: NullIfEmpty(activity, "bezoekLocatieHuisnummerToevoeging"),
            Postcode: activity.GetProperty("bezoekLocatiePostcode").GetString()!,
            Place: activity.GetProperty("bezoekLocatiePlaats").GetString()!);

        return new KvkCompany(
            KvkNumber: activity.GetProperty("kvknummer").GetString()!,
            Name: activity.GetProperty("naam").GetString()!,
            Address: address,
            OwnerBsn: owner.GetProperty("bsn").GetString());
    }

    private static DutchAddress ReadVisitingAddress(JsonElement addresses)
    {
        foreach (var address in addresses.EnumerateArray())
        {
            if (address.GetProperty("type").GetString() != "bezoekadres")
            {
                continue;
            }

            return new DutchAddress(
                Street: address.GetProperty("straatnaam").GetString()!,
                HouseNumber: address.GetProperty("huisnummer").GetInt32(),
                HouseLetter: NullIfEmpty(address, "huisletter"),
                Addition: NullIfEmpty(address, "huisnummerToevoeging"),
                Postcode: address.GetProperty("postcode").GetString()!,
                Place: address.GetProperty("plaats").GetString()!);
        }

        throw new InvalidDataException("A KvK test company has no bezoekadres.");
    }

    private static string? NullIfEmpty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
