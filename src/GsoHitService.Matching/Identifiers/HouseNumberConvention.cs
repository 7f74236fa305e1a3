namespace GsoHitService.Matching;

/// <summary>
/// How a source writes huisnummer, huisletter and huisnummertoevoeging when it keeps them in one
/// free text field, for example <c>12a</c>, <c>12-2</c> or <c>12 A 2</c>.
/// </summary>
public enum HouseNumberConvention
{
    /// <summary>The source keeps huisnummer, huisletter and toevoeging in separate fields.</summary>
    SeparateFields = 0,
}
