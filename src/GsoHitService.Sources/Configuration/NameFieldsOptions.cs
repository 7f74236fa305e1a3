namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Fields that hold a person's surname and birth date, and optionally what the aanduiding naamgebruik
/// needs to derive the name in use.
/// </summary>
public sealed class NameFieldsOptions
{
    /// <summary>Voorvoegsel. Leave empty when the surname field carries it (<c>van der Meer</c>, <c>Meer, van der</c>).</summary>
    public string? Prefix { get; set; }

    /// <summary>Own geslachtsnaam, or the name in use when <see cref="SurnameIsUsedName"/> is set.</summary>
    public string? Surname { get; set; }

    public string? BirthDate { get; set; }

    /// <summary>
    /// The surname field contains the name in use (<c>de Vries-Jansen</c>), not the own geslachtsnaam,
    /// so every own name it can imply is indexed: the whole name and each side of a hyphen.
    /// </summary>
    public bool SurnameIsUsedName { get; set; }

    /// <summary>Aanduiding naamgebruik code: E, P, V or N.</summary>
    public string? NameUsage { get; set; }

    /// <summary>Voorvoegsel of the partner whose name the aanduiding naamgebruik refers to.</summary>
    public string? PartnerPrefix { get; set; }

    /// <summary>Geslachtsnaam of that partner.</summary>
    public string? PartnerSurname { get; set; }

    /// <summary>
    /// Whether to index, next to the own geslachtsnaam, the name in use that <see cref="NameUsage"/>
    /// and the partner's name imply, so that a subject known only by that name is found. Default true.
    /// </summary>
    public bool IndexUsedName { get; set; } = true;
}
