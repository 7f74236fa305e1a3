using CsCheck;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// Properties over generated values: a canonical form normalises to itself, and every writing
/// variant of a value gives that one canonical form, also under a Turkish culture.
/// </summary>
public sealed class CanonicalFormPropertyTests
{
    public static TheoryData<IdentifierType> AllTypes => [.. IdentifierTypes.All];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Normalize_CanonicalValue_IsIdempotent(IdentifierType type)
    {
        TestValues.Valid(type).Sample(value =>
        {
            var identifier = IdentifierNormalizer.Normalize(type, value);

            var again = IdentifierNormalizer.Normalize(type, identifier.Value);

            Assert.Equal(identifier, again);
            Assert.Equal(identifier.Value, again.Value);
        });
    }

    [Fact]
    public void NormalizeAddress_CanonicalFields_AreIdempotent()
    {
        TestValues.Valid(IdentifierType.Address).Sample(value =>
        {
            var identifier = IdentifierNormalizer.Normalize(IdentifierType.Address, value);
            var fields = identifier.Fields;

            var valid = IdentifierNormalizer.TryNormalizeAddress(new AddressInput(fields[0], fields[1], fields[2], fields[3]), null, out var again, out _);

            Assert.True(valid);
            Assert.Equal(identifier, again);
        });
    }

    [Fact]
    public void NormalizeSurnameBirthDate_CanonicalFields_AreIdempotent()
    {
        TestValues.Valid(IdentifierType.SurnameBirthDate).Sample(value =>
        {
            var identifier = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, value);
            var fields = identifier.Fields;

            var valid = IdentifierNormalizer.TryNormalizeSurnameBirthDate(new SurnameBirthDateInput(fields[0], fields[1], fields[2]), null, out var again, out _);

            Assert.True(valid);
            Assert.Equal(identifier, again);
        });
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Normalize_WritingVariants_GiveOneCanonicalForm(IdentifierType type)
    {
        TestValues.ValueAndVariant(type).Sample((value, variant) =>
        {
            var expected = IdentifierNormalizer.Normalize(type, value);

            var valid = IdentifierNormalizer.TryNormalize(type, variant, null, out var actual, out var error);

            Assert.True(valid, $"The variant broke rule {error.Rule}.");
            Assert.Equal(expected, actual);
        });
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Normalize_TurkishCulture_GivesInvariantResult(IdentifierType type)
    {
        TestValues.ValueAndVariant(type).Sample((value, variant) =>
        {
            var expected = IdentifierNormalizer.Normalize(type, value);

            // CsCheck samples on several threads, so the culture is set on each sampling thread.
            using var culture = new CultureScope("tr-TR");
            var actual = IdentifierNormalizer.Normalize(type, variant);

            Assert.Equal(expected, actual);
        });
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Normalize_RandomText_NeverThrowsAndValidIsStable(IdentifierType type)
    {
        TestValues.IdentifierLikeText.Sample(text =>
        {
            if (IdentifierNormalizer.TryNormalize(type, text, null, out var identifier, out _))
            {
                Assert.Equal(identifier, IdentifierNormalizer.Normalize(type, identifier.Value));
            }
        });
    }
}
