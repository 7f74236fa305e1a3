namespace GsoHitService.Matching;

/// <summary>
/// A person's own surname and birth date as a source or a user provides them, before validation.
/// </summary>
/// <param name="Prefix">Voorvoegsel, for example <c>van der</c>; null when the surname text carries it.</param>
/// <param name="Surname">Geslachtsnaam; may carry a leading or trailing voorvoegsel (<c>Meer, van der</c>).</param>
/// <param name="BirthDate">Birth date in one of the column's declared formats.</param>
public sealed record SurnameBirthDateInput(string? Prefix, string? Surname, string? BirthDate)
{
    public override string ToString() => "SurnameBirthDateInput";
}
