namespace GsoHitService.Demo.Data;

/// <summary>
/// A Dutch address as the source test data write it, with huisnummer, huisletter and
/// huisnummertoevoeging apart. The exports write it in their own, messier forms.
/// </summary>
internal sealed record DutchAddress(
    string Street,
    int HouseNumber,
    string? HouseLetter,
    string? Addition,
    string Postcode,
    string Place)
{
    /// <summary>
    /// The house number in one field as the one-field exports write it: the huisletter directly
    /// after the number and the toevoeging after a dash, for example <c>2A</c>, <c>14-H</c> or <c>1A-bis</c>.
    /// </summary>
    public string HouseNumberText =>
        $"{HouseNumber}{HouseLetter}{(string.IsNullOrEmpty(Addition) ? "" : "-" + Addition)}";

    /// <summary>The house number and huisletter without the toevoeging, for example <c>2A</c>.</summary>
    public string HouseNumberWithLetter => $"{HouseNumber}{HouseLetter}";

    /// <summary>The postcode with the space that people and many systems write: <c>1079 TX</c>.</summary>
    public string PostcodeWithSpace => Postcode.Length == 6 ? $"{Postcode[..4]} {Postcode[4..]}" : Postcode;

    /// <summary>Whether the one-field form can be read back without doubt: no toevoeging that starts with a separator.</summary>
    public bool HasPlainAddition => string.IsNullOrEmpty(Addition) || char.IsLetterOrDigit(Addition[0]);

    /// <summary>Key for grouping the residents of one address.</summary>
    public string Key => $"{Postcode}|{HouseNumber}|{HouseLetter}|{Addition}";

    public override string ToString() => "DutchAddress";
}
