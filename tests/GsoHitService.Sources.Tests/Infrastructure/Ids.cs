using GsoHitService.Matching;

namespace GsoHitService.Sources.Tests.Infrastructure;

/// <summary>Canonical identifiers as the coordinator computes them for a query, through the same normaliser.</summary>
internal static class Ids
{
    public static CanonicalIdentifier Bsn(string value) => IdentifierNormalizer.Normalize(IdentifierType.Bsn, value);

    public static CanonicalIdentifier Kvk(string value) => IdentifierNormalizer.Normalize(IdentifierType.KvkNumber, value);

    public static CanonicalIdentifier BranchNumber(string value) => IdentifierNormalizer.Normalize(IdentifierType.BranchNumber, value);

    public static CanonicalIdentifier Plate(string value) => IdentifierNormalizer.Normalize(IdentifierType.LicencePlate, value);

    public static CanonicalIdentifier Bag(string value) => IdentifierNormalizer.Normalize(IdentifierType.BagObjectId, value);

    public static CanonicalIdentifier Address(string postcode, string houseNumber, string? letter = null, string? addition = null)
    {
        Assert.True(IdentifierNormalizer.TryNormalizeAddress(new AddressInput(postcode, houseNumber, letter, addition), null, out var address, out var error), error.ToString());
        return address;
    }

    public static CanonicalIdentifier Name(string surname, string birthDate, string? prefix = null)
    {
        Assert.True(
            IdentifierNormalizer.TryNormalizeSurnameBirthDate(new SurnameBirthDateInput(prefix, surname, birthDate), null, out var name, out var error),
            error.ToString());
        return name;
    }
}
