using System.Diagnostics.CodeAnalysis;

namespace GsoHitService.Matching;

/// <summary>
/// Validates identifier values and produces their canonical form. The same code runs on the
/// coordinator and in every agent, so that both sides hash exactly the same bytes.
/// </summary>
public static class IdentifierNormalizer
{
    /// <summary>
    /// Normalises a value given as one text. Address and surname + birth date accept their
    /// documented text forms (<c>POSTCODE;HUISNUMMER[;HUISLETTER[;TOEVOEGING]]</c> and
    /// <c>ACHTERNAAM;GEBOORTEDATUM</c>).
    /// </summary>
    /// <exception cref="IdentifierValidationException">The value breaks a rule of its type.</exception>
    public static CanonicalIdentifier Normalize(IdentifierType type, string value, ColumnOptions? options = null) =>
        TryNormalize(type, value, options, out var result, out var error) ? result : throw new IdentifierValidationException(error);

    /// <summary>Normalises a value given as one text, without throwing.</summary>
    public static bool TryNormalize(
        IdentifierType type,
        string? value,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error) => throw new NotImplementedException();

    /// <summary>Normalises an address given as separate parts.</summary>
    public static bool TryNormalizeAddress(
        AddressInput input,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error) => throw new NotImplementedException();

    /// <summary>Normalises a surname + birth date given as separate parts.</summary>
    public static bool TryNormalizeSurnameBirthDate(
        SurnameBirthDateInput input,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error) => throw new NotImplementedException();
}
