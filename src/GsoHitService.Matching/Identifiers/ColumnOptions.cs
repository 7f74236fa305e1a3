namespace GsoHitService.Matching;

/// <summary>
/// Per-column options that real exports need. Every option is off by default, so a value is only
/// repaired where the source configuration declares it.
/// </summary>
public sealed record ColumnOptions
{
    /// <summary>Options with everything off.</summary>
    public static ColumnOptions Default { get; } = new();

    /// <summary>
    /// The column is numeric (spreadsheet or integer column) and lost leading zeros, so a digits-only
    /// value shorter than its type's length is padded with zeros after its digits-only shape is
    /// checked and before the other rules. Values with separators are never padded. How many
    /// zeros a type can lose: BSN and RSIN 1 (8 digits), KvK-nummer 1 (7 digits), vestigingsnummer
    /// 1 to 11, BAG id 1 to 3 (the municipality code 0001–0999). Default: off.
    /// </summary>
    public bool RestoreLeadingZeros { get; init; }

    /// <summary>
    /// How the source writes huisletter and toevoeging in one free house-number text. Default:
    /// <see cref="HouseNumberConvention.SeparateFields"/> (the huisnummer is digits only).
    /// </summary>
    public HouseNumberConvention HouseNumberConvention { get; init; } = HouseNumberConvention.SeparateFields;

    /// <summary>
    /// Declared date formats of the column, tried in order: .NET custom format strings built from
    /// <c>yyyy</c>, <c>MM</c>, <c>M</c>, <c>dd</c>, <c>d</c> and the separators <c>- / .</c> and
    /// space (such as <c>yyyyMMdd</c>, <c>dd-MM-yyyy</c> or <c>d-M-yyyy</c>), or
    /// <c>excel-serial</c> for spreadsheet day numbers. Day and month may be <c>00</c> (unknown)
    /// in every form. Empty (the default) means the BRP form <c>yyyyMMdd</c> and ISO
    /// <c>yyyy-MM-dd</c> only.
    /// </summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>
    /// The column contains the BAG id of an address, so only a nummeraanduiding (20) or an
    /// addressable object (01 verblijfsobject, 02 ligplaats, 03 standplaats) is valid; a pand (10)
    /// or openbare ruimte (30) is rejected with <see cref="IdentifierRule.BagObjectNotAddressable"/>.
    /// Default: off (every BAG object type is valid).
    /// </summary>
    public bool RequireAddressableBagObject { get; init; }
}
