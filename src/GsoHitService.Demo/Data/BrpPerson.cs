namespace GsoHitService.Demo.Data;

/// <summary>
/// The fields of one RvIG test person that the generated exports use.
/// </summary>
/// <param name="Bsn">Burgerservicenummer, 9 digits as the test set writes it.</param>
/// <param name="FirstNames">Voornamen, space-separated.</param>
/// <param name="Prefix">Voorvoegsel of the own geslachtsnaam, for example <c>van der</c>.</param>
/// <param name="Surname">Own geslachtsnaam; the BRP writes <c>.</c> when it is unknown.</param>
/// <param name="BirthDate">Geboortedatum as <c>yyyyMMdd</c>, with <c>00</c> for unknown parts; null when absent.</param>
/// <param name="GenderCode">Geslacht: <c>M</c>, <c>V</c> or <c>O</c>.</param>
/// <param name="NameUseCode">Aanduiding naamgebruik: <c>E</c>, <c>P</c>, <c>V</c> or <c>N</c>.</param>
/// <param name="PartnerPrefix">Voorvoegsel of the first partner's geslachtsnaam.</param>
/// <param name="PartnerSurname">Geslachtsnaam of the first partner.</param>
/// <param name="Address">Dutch residential address; null for foreign addresses and location descriptions.</param>
/// <param name="IsActive">
/// Alive and without opschorting bijhouding, so that departments can still hold current records on the person.
/// </param>
internal sealed record BrpPerson(
    string Bsn,
    string? FirstNames,
    string? Prefix,
    string Surname,
    string? BirthDate,
    string GenderCode,
    string? NameUseCode,
    string? PartnerPrefix,
    string? PartnerSurname,
    DutchAddress? Address,
    bool IsActive)
{
    /// <summary>Whether the birth date has a known day, month and year.</summary>
    public bool HasFullBirthDate =>
        BirthDate is { Length: 8 } date && !date.EndsWith("00", StringComparison.Ordinal) && date[4..6] != "00";

    /// <summary>Birth date as a <see cref="DateOnly"/>; only valid when <see cref="HasFullBirthDate"/>.</summary>
    public DateOnly FullBirthDate =>
        new(int.Parse(BirthDate![..4], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(BirthDate[4..6], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(BirthDate[6..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Voorletters in the usual Dutch form, for example <c>K.</c> or <c>J.H.</c>.</summary>
    public string Initials =>
        string.Concat((FirstNames ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => $"{char.ToUpperInvariant(name[0])}."));

    /// <summary>First voornaam, used as roepnaam.</summary>
    public string? CallName => FirstNames?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>Surname with voorvoegsel, for example <c>van der Ven</c>.</summary>
    public string FullSurname => string.IsNullOrEmpty(Prefix) ? Surname : $"{Prefix} {Surname}";

    public override string ToString() => "BrpPerson";
}
