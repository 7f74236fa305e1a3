namespace GsoHitService.Matching;

/// <summary>
/// A validated identifier in its one canonical form. Only values of this type are hashed.
/// </summary>
/// <param name="Type">The identifier type.</param>
/// <param name="Fields">
/// The canonical fields that the token encoding hashes, in a fixed order per type: one field for
/// simple types; postcode, huisnummer, huisletter and toevoeging for an address; voorvoegsel,
/// geslachtsnaam and birth date for surname + birth date. Empty strings stand for absent parts.
/// </param>
public sealed record CanonicalIdentifier(IdentifierType Type, IReadOnlyList<string> Fields)
{
    /// <summary>
    /// The canonical text form that <c>gso normalize</c> prints. It is a valid input of
    /// <see cref="IdentifierNormalizer.Normalize(IdentifierType, string, ColumnOptions?)"/> that
    /// gives this identifier again: the field itself for simple types;
    /// <c>1234AB;12;A;2</c> for an address (trailing empty parts left out, so <c>1234AB;12</c> or
    /// <c>1234AB;12;;2</c>); <c>van der MEER;19850307</c> for surname + birth date (voorvoegsel in
    /// lower case, geslachtsnaam in upper case, no voorvoegsel gives <c>JANSEN;19850307</c>).
    /// </summary>
    public string Value => Type switch
    {
        IdentifierType.Address => FormatAddress(Fields),
        IdentifierType.SurnameBirthDate => FormatSurnameBirthDate(Fields),
        _ => Fields[0],
    };

    public bool Equals(CanonicalIdentifier? other) =>
        other is not null && Type == other.Type && Fields.SequenceEqual(other.Fields, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        foreach (var field in Fields)
        {
            hash.Add(field, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the type name only, so that an identifier never reaches a log by accident.</summary>
    public override string ToString() => $"CanonicalIdentifier({IdentifierTypes.ToName(Type)})";

    private static string FormatAddress(IReadOnlyList<string> fields)
    {
        var (postcode, houseNumber, houseLetter, addition) = (fields[0], fields[1], fields[2], fields[3]);
        if (addition.Length > 0)
        {
            return $"{postcode};{houseNumber};{houseLetter};{addition}";
        }

        return houseLetter.Length > 0 ? $"{postcode};{houseNumber};{houseLetter}" : $"{postcode};{houseNumber}";
    }

    private static string FormatSurnameBirthDate(IReadOnlyList<string> fields)
    {
        var (prefix, surname, birthDate) = (fields[0], fields[1], fields[2]);
        return prefix.Length > 0 ? $"{prefix} {surname};{birthDate}" : $"{surname};{birthDate}";
    }
}
