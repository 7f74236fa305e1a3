using GsoHitService.Demo.Data.Exports;
using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;

namespace GsoHitService.Demo.Data;

/// <summary>
/// Builds each demo agent's source configuration for the exports that
/// <see cref="DemoDataSet.WriteTo(string)"/> wrote: which fields map to which identifier types, the
/// pad and house-number rules the exports need, the relevance filters and the releasable fields.
/// </summary>
/// <remarks>
/// The mappings are what a department administrator would write in the agent's appsettings.json
/// for these exports; docs/demo-data.md shows the same per file.
/// </remarks>
public static class DemoSourceOptions
{
    /// <summary>Builds the sources of one department, with absolute paths to its files.</summary>
    /// <exception cref="ArgumentException">The department is not one of <see cref="DemoDepartments.All"/>.</exception>
    public static DepartmentSourcesOptions For(DemoDepartmentData department)
    {
        ArgumentNullException.ThrowIfNull(department);
        var sources = department.Department switch
        {
            DemoDepartments.Brp => [Brp(PathOf(department, "brp-personen"))],
            DemoDepartments.Permits => [Decos(PathOf(department, "decos-zaken")), PowerBrowser(PathOf(department, "powerbrowser-zaken"))],
            DemoDepartments.Taxes => [WozObjects(PathOf(department, "woz-objecten")), Assessments(PathOf(department, "aanslagen"))],
            DemoDepartments.SocialDomain => new List<SourceOptions> { Zorgned(PathOf(department, "zorgned-clienten")) },
            _ => throw new ArgumentException($"'{department.Department}' is not a demo department.", nameof(department)),
        };

        return new DepartmentSourcesOptions { Sources = sources };
    }

    /// <summary>The RvIG personen mock, read with the built-in mapping of the GBA-style BRP JSON.</summary>
    internal static SourceOptions Brp(string path) => new()
    {
        Name = "brp-personen",
        Kind = SourceKind.BrpGbaJson,
        Path = path,
        ReleasableFields = Fields(
            ("naam", ["naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam"]),
            ("geboortedatum", ["geboorte.datum"]),
            ("adres", ["verblijfplaats.straat", "verblijfplaats.huisnummer", "verblijfplaats.huisletter", "verblijfplaats.huisnummertoevoeging", "verblijfplaats.postcode", "verblijfplaats.woonplaats"])),
    };

    /// <summary>
    /// Decos JOIN: the kenteken sits in another generic field per zaaktype, the BSN is a JSON number
    /// that lost its leading zero, and withdrawn, refused or ended cases do not count.
    /// </summary>
    internal static SourceOptions Decos(string path) => new()
    {
        Name = "decos-zaken",
        Kind = SourceKind.Json,
        Path = path,
        Json = new JsonSourceOptions { RecordsPath = "content" },
        Identifiers =
        [
            new() { Type = Name(IdentifierType.Bsn), Field = "fields.num1", RestoreLeadingZeros = true },
            new() { Type = Name(IdentifierType.KvkNumber), Field = "fields.text8" },
            new()
            {
                Type = Name(IdentifierType.Address),
                Address = new AddressFieldsOptions { Postcode = "fields.zipcode", HouseNumber = "fields.text20" },
                HouseNumberConvention = HouseNumberConvention.AttachedLetterOnly,
            },
            PlateWhenCaseType("fields.text9", DecosExport.WorkOnStreet),
            PlateWhenCaseType("fields.text10", DecosExport.CoachDayExemption),
            PlateWhenCaseType("fields.text13", DecosExport.OwnParkingSpace),
        ],
        Relevance =
        [
            new() { Field = "fields.dfunction", Operator = ConditionOperator.NotIn, Values = [.. DecosExport.InactiveResults] },
            new() { Field = "fields.date7", Operator = ConditionOperator.OnOrAfter, Value = "today", EmptyMatches = true },
        ],
        ReleasableFields = Fields(
            ("zaaknummer", ["fields.mark"]),
            ("zaaktype", ["fields.text45"]),
            ("status", ["fields.title"]),
            ("resultaat", ["fields.dfunction"]),
            ("datum-aanvraag", ["fields.document_date"])),
    };

    /// <summary>
    /// PowerBrowser: values in a list of <c>{fieldName, text, fieldValue}</c>; the Dutch
    /// <c>dd-MM-yyyy</c> text is used for dates, because the UTC <c>fieldValue</c> falls on the day before.
    /// </summary>
    internal static SourceOptions PowerBrowser(string path) => new()
    {
        Name = "powerbrowser-zaken",
        Kind = SourceKind.Json,
        Path = path,
        Identifiers =
        [
            new() { Type = Name(IdentifierType.Bsn), Field = PowerBrowserText("AANVRAGER_BSN") },
            new()
            {
                Type = Name(IdentifierType.Address),
                Address = new AddressFieldsOptions { Postcode = PowerBrowserText("LOCATIE_POSTCODE"), HouseNumber = PowerBrowserText("LOCATIE_HUISNUMMER") },
                HouseNumberConvention = HouseNumberConvention.AttachedLetterOnly,
            },
        ],
        Relevance =
        [
            new() { Field = PowerBrowserText("RESULTAAT_ID"), Operator = ConditionOperator.NotIn, Values = [.. PowerBrowserExport.InactiveResults] },
            new() { Field = PowerBrowserText("DATUM_TOT"), Operator = ConditionOperator.OnOrAfter, Value = "today", DateFormats = ["dd-MM-yyyy"], EmptyMatches = true },
        ],
        ReleasableFields = Fields(
            ("zaaknummer", [PowerBrowserText("ZAAK_IDENTIFICATIE")]),
            ("startdatum", [PowerBrowserText("STARTDATUM")]),
            ("resultaat", [PowerBrowserText("RESULTAAT_ID")]),
            ("locatie", [PowerBrowserText("LOCATIE_STRAAT"), PowerBrowserText("LOCATIE_HUISNUMMER"), PowerBrowserText("LOCATIE_PLAATS")])),
    };

    /// <summary>WOZ objects: huisletter joined to the huisnummer, toevoeging in its own column; ended objects do not count.</summary>
    internal static SourceOptions WozObjects(string path) => new()
    {
        Name = "woz-objecten",
        Kind = SourceKind.Csv,
        Path = path,
        Csv = new CsvSourceOptions { Delimiter = ";", Encoding = "utf-8" },
        Identifiers =
        [
            new() { Type = Name(IdentifierType.Bsn), Field = "Eigenaar BSN" },
            new() { Type = Name(IdentifierType.Bsn), Field = "Gebruiker BSN" },
            new() { Type = Name(IdentifierType.KvkNumber), Field = "Eigenaar KvK-nummer" },
            new() { Type = Name(IdentifierType.KvkNumber), Field = "Gebruiker KvK-nummer" },
            new()
            {
                Type = Name(IdentifierType.Address),
                Address = new AddressFieldsOptions { Postcode = "Postcode", HouseNumber = "Huisnummer", Addition = "Toevoeging" },
                HouseNumberConvention = HouseNumberConvention.AttachedLetterOnly,
            },
        ],
        Relevance =
        [
            new() { Field = "Status", Operator = ConditionOperator.NotEqual, Value = TaxExport.InactiveObjectStatus },
            new() { Field = "Datum einde", Operator = ConditionOperator.OnOrAfter, Value = "today", DateFormats = ["dd-MM-yyyy"], EmptyMatches = true },
        ],
        ReleasableFields = Fields(
            ("woz-objectnummer", ["WOZ-objectnummer"]),
            ("adres", ["Straatnaam", "Huisnummer", "Toevoeging", "Postcode", "Woonplaats"]),
            ("gebruikscode", ["Gebruikscode"]),
            ("woz-waarde", ["WOZ-waarde"])),
    };

    /// <summary>Tax assessments: the BSN column lost leading zeros, so it declares the pad rule; annulled assessments do not count.</summary>
    internal static SourceOptions Assessments(string path) => new()
    {
        Name = "aanslagen",
        Kind = SourceKind.Csv,
        Path = path,
        Csv = new CsvSourceOptions { Delimiter = ";", Encoding = "utf-8" },
        Identifiers =
        [
            new() { Type = Name(IdentifierType.Bsn), Field = "BSN", RestoreLeadingZeros = true },
            new() { Type = Name(IdentifierType.KvkNumber), Field = "KvK-nummer" },
        ],
        Relevance =
        [
            new() { Field = "Status", Operator = ConditionOperator.NotEqual, Value = TaxExport.InactiveAssessmentStatus },
        ],
        ReleasableFields = Fields(
            ("aanslagnummer", ["Aanslagnummer"]),
            ("belastingjaar", ["Belastingjaar"]),
            ("heffing", ["Heffing"]),
            ("bedrag", ["Bedrag"]),
            ("status", ["Status"])),
    };

    /// <summary>Zorgned NAW records: own birth name with voorvoegsel and the partner's name for the name in use.</summary>
    internal static SourceOptions Zorgned(string path) => new()
    {
        Name = "zorgned-clienten",
        Kind = SourceKind.Json,
        Path = path,
        Identifiers =
        [
            new() { Type = Name(IdentifierType.Bsn), Field = "persoon.bsn" },
            new()
            {
                Type = Name(IdentifierType.SurnameBirthDate),
                Name = new NameFieldsOptions
                {
                    Prefix = "persoon.voorvoegsel",
                    Surname = "persoon.geboortenaam",
                    BirthDate = "persoon.geboortedatum",
                    NameUsage = "persoon.aanduidingNaamgebruik.code",
                    PartnerPrefix = "persoon.partnervoorvoegsel",
                    PartnerSurname = "persoon.partnernaam",
                },
                DateFormats = ["yyyy-MM-dd"],
            },
            new()
            {
                Type = Name(IdentifierType.Address),
                Address = new AddressFieldsOptions
                {
                    Postcode = "inschrijfadres.postcode",
                    HouseNumber = "inschrijfadres.huisnummer",
                    HouseLetter = "inschrijfadres.huisletter",
                    Addition = "inschrijfadres.huisnummerToevoeging",
                },
            },
        ],
        ReleasableFields = Fields(
            ("clientnummer", ["persoon.clientidentificatie"]),
            ("naam", ["persoon.voornamen", "persoon.voorvoegsel", "persoon.geboortenaam"]),
            ("adres", ["inschrijfadres.straatnaam", "inschrijfadres.huisnummer", "inschrijfadres.huisletter", "inschrijfadres.postcode", "inschrijfadres.plaats"])),
    };

    private static IdentifierMappingOptions PlateWhenCaseType(string field, string caseType) => new()
    {
        Type = Name(IdentifierType.LicencePlate),
        Field = field,
        When = [new() { Field = "fields.text45", Operator = ConditionOperator.Equal, Value = caseType }],
    };

    private static string PowerBrowserText(string fieldName) => $"fields[fieldName={fieldName}].text";

    private static string Name(IdentifierType type) => IdentifierTypes.ToName(type);

    private static string PathOf(DemoDepartmentData department, string sourceName) =>
        department.Files.Single(file => file.SourceName == sourceName).Path;

    private static Dictionary<string, List<string>> Fields(params (string Name, List<string> SourceFields)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.SourceFields, StringComparer.Ordinal);
}
