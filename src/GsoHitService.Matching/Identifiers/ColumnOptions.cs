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
    /// value shorter than its type's length is padded with zeros before validation.
    /// </summary>
    public bool RestoreLeadingZeros { get; init; }

    /// <summary>How the source writes huisletter and toevoeging in one free house-number text.</summary>
    public HouseNumberConvention HouseNumberConvention { get; init; } = HouseNumberConvention.SeparateFields;

    /// <summary>
    /// Declared date formats of the column, tried in order: .NET custom format strings such as
    /// <c>yyyyMMdd</c> or <c>dd-MM-yyyy</c>, or <c>excel-serial</c>. Empty means the BRP forms
    /// <c>yyyyMMdd</c> (with 00 for unknown parts) and ISO <c>yyyy-MM-dd</c> only.
    /// </summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];
}
