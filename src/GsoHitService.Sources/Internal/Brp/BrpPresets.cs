using GsoHitService.Sources.Configuration;

namespace GsoHitService.Sources.Internal.Brp;

/// <summary>
/// The built-in identifier mappings of the BRP source kinds: BSN, own surname + birth date (with the
/// name in use that the aanduiding naamgebruik implies), the address and the BAG ids of the current
/// verblijfplaats. Birth dates use the matching core's default forms, which keep the BRP's partial
/// dates (<c>19780300</c>). An address with an aanduidingBijHuisnummer lies near the address, so neither it
/// nor its BAG ids are indexed. Field names follow each format's own element names.
/// </summary>
internal static class BrpPresets
{
    /// <summary>Path to the persons in a Haal Centraal personen response.</summary>
    public const string HaalCentraalRecordsPath = "personen";

    public static List<IdentifierMappingOptions> For(SourceKind kind) => kind switch
    {
        SourceKind.BrpHaalCentraal => Create(new BrpFields(
            Bsn: "burgerservicenummer",
            Prefix: "naam.voorvoegsel",
            Surname: "naam.geslachtsnaam",
            NameUsage: "naam.aanduidingNaamgebruik.code",
            PartnerPrefix: "partners[0].naam.voorvoegsel",
            PartnerSurname: "partners[0].naam.geslachtsnaam",
            BirthDate: "geboorte.datum",
            Postcode: "verblijfplaats.verblijfadres.postcode",
            HouseNumber: "verblijfplaats.verblijfadres.huisnummer",
            HouseLetter: "verblijfplaats.verblijfadres.huisletter",
            Addition: "verblijfplaats.verblijfadres.huisnummertoevoeging",
            LocationDesignation: "verblijfplaats.verblijfadres.aanduidingBijHuisnummer.code",
            NummeraanduidingId: "verblijfplaats.nummeraanduidingIdentificatie",
            AddressableObjectId: "verblijfplaats.adresseerbaarObjectIdentificatie")),
        SourceKind.BrpGbaJson => Create(new BrpFields(
            Bsn: "burgerservicenummer",
            Prefix: "naam.voorvoegsel",
            Surname: "naam.geslachtsnaam",
            NameUsage: "naam.aanduidingNaamgebruik.code",
            PartnerPrefix: "partners[0].naam.voorvoegsel",
            PartnerSurname: "partners[0].naam.geslachtsnaam",
            BirthDate: "geboorte.datum",
            Postcode: "verblijfplaats.postcode",
            HouseNumber: "verblijfplaats.huisnummer",
            HouseLetter: "verblijfplaats.huisletter",
            Addition: "verblijfplaats.huisnummertoevoeging",
            LocationDesignation: "verblijfplaats.aanduidingBijHuisnummer.code",
            NummeraanduidingId: "verblijfplaats.nummeraanduidingIdentificatie",
            AddressableObjectId: "verblijfplaats.adresseerbaarObjectIdentificatie")),

        // GBA elements: category 01 persoon, 05 huwelijk/partnerschap, 08 verblijfplaats.
        SourceKind.BrpGbaVCsv => Create(new BrpFields(
            Bsn: "01.01.20",
            Prefix: "01.02.30",
            Surname: "01.02.40",
            NameUsage: "01.61.10",
            PartnerPrefix: "05.02.30",
            PartnerSurname: "05.02.40",
            BirthDate: "01.03.10",
            Postcode: "08.11.60",
            HouseNumber: "08.11.20",
            HouseLetter: "08.11.30",
            Addition: "08.11.40",
            LocationDesignation: "08.11.50",
            NummeraanduidingId: "08.11.90",
            AddressableObjectId: "08.11.80")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a BRP source kind."),
    };

    public static bool IsBrp(SourceKind kind) => kind is SourceKind.BrpHaalCentraal or SourceKind.BrpGbaJson or SourceKind.BrpGbaVCsv;

    private static List<IdentifierMappingOptions> Create(BrpFields fields) =>
    [
        new() { Type = "bsn", Field = fields.Bsn },
        new()
        {
            Type = "naam-geboortedatum",
            Name = new NameFieldsOptions
            {
                Prefix = fields.Prefix,
                Surname = fields.Surname,
                BirthDate = fields.BirthDate,
                NameUsage = fields.NameUsage,
                PartnerPrefix = fields.PartnerPrefix,
                PartnerSurname = fields.PartnerSurname,
            },
        },
        new()
        {
            Type = "adres",
            Address = new AddressFieldsOptions
            {
                Postcode = fields.Postcode,
                HouseNumber = fields.HouseNumber,
                HouseLetter = fields.HouseLetter,
                Addition = fields.Addition,
            },
            LocationDesignationField = fields.LocationDesignation,
        },
        new() { Type = "bag-id", Field = fields.NummeraanduidingId, BagIdAsAddress = true, LocationDesignationField = fields.LocationDesignation },
        new() { Type = "bag-id", Field = fields.AddressableObjectId, BagIdAsAddress = true, LocationDesignationField = fields.LocationDesignation },
    ];

    private sealed record BrpFields(
        string Bsn,
        string Prefix,
        string Surname,
        string NameUsage,
        string PartnerPrefix,
        string PartnerSurname,
        string BirthDate,
        string Postcode,
        string HouseNumber,
        string HouseLetter,
        string Addition,
        string LocationDesignation,
        string NummeraanduidingId,
        string AddressableObjectId);
}
