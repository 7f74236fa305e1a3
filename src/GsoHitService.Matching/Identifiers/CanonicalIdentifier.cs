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
    /// <summary>The canonical text form that <c>gso normalize</c> prints.</summary>
    public string Value => throw new NotImplementedException();

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
}
