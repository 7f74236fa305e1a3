using GsoHitService.Matching;

namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Maps one or more fields of a record to an identifier type, with the per-column options of the
/// matching core. A single-field type (<c>bsn</c>, <c>kvk</c>, <c>kenteken</c>, <c>bag-id</c>, ...)
/// uses <see cref="Field"/>; <c>adres</c> uses <see cref="Address"/>; <c>naam-geboortedatum</c> uses
/// <see cref="Name"/>.
/// </summary>
public sealed class IdentifierMappingOptions
{
    /// <summary>Identifier type by its configuration name, for example <c>bsn</c> or <c>naam-geboortedatum</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Column name or field path of a single-field type.</summary>
    public string? Field { get; set; }

    /// <summary>The fields of an address.</summary>
    public AddressFieldsOptions? Address { get; set; }

    /// <summary>The fields of a surname + birth date.</summary>
    public NameFieldsOptions? Name { get; set; }

    /// <summary>
    /// Splits one field into several values, for example <c>,</c> for a list of kentekens in one
    /// field. Only for single-field types. Empty: one value per field.
    /// </summary>
    public string? Separator { get; set; }

    /// <summary>
    /// The field lost leading zeros (numeric column, spreadsheet), so digits-only values shorter than
    /// the type's length are padded. This is also the pad rule that a numeric database or JSON value
    /// needs: without it such values are rejected and the field is flagged.
    /// </summary>
    public bool RestoreLeadingZeros { get; set; }

    /// <summary>How a free house-number text writes huisletter and toevoeging (address only).</summary>
    public HouseNumberConvention? HouseNumberConvention { get; set; }

    /// <summary>Declared date formats of the birth date, tried in order (surname + birth date only).</summary>
    public List<string> DateFormats { get; set; } = [];

    /// <summary>
    /// For <c>bag-id</c>: the id stands for an address, so only a nummeraanduiding or an addressable
    /// object (verblijfsobject, ligplaats, standplaats) is valid.
    /// </summary>
    public bool BagIdAsAddress { get; set; }

    /// <summary>
    /// For <c>adres</c> and <c>bag-id</c>: field with the BRP aanduidingBijHuisnummer (<c>to</c>, <c>by</c>).
    /// A record that has one lies near the address, so its address and BAG id are not indexed.
    /// </summary>
    public string? LocationDesignationField { get; set; }

    /// <summary>Conditions that must all hold for this mapping to apply to a record.</summary>
    public List<FieldConditionOptions> When { get; set; } = [];
}
