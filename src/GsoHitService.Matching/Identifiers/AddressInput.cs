namespace GsoHitService.Matching;

/// <summary>
/// The parts of an address as a source or a user provides them, before validation.
/// </summary>
/// <param name="Postcode">Postcode, for example <c>1234 ab</c>.</param>
/// <param name="HouseNumber">Huisnummer, or the whole free house-number text of sources that keep one field.</param>
/// <param name="HouseLetter">Huisletter, when the source keeps it apart.</param>
/// <param name="Addition">Huisnummertoevoeging, when the source keeps it apart.</param>
/// <param name="LocationDesignation">
/// BRP <c>aanduidingBijHuisnummer</c> (<c>to</c> tegenover, <c>by</c> bij); a record with one does
/// not match the address itself.
/// </param>
public sealed record AddressInput(
    string? Postcode,
    string? HouseNumber,
    string? HouseLetter = null,
    string? Addition = null,
    string? LocationDesignation = null)
{
    public override string ToString() => "AddressInput";
}
