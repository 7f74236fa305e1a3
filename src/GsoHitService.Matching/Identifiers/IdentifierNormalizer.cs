using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace GsoHitService.Matching;

/// <summary>
/// Validates identifier values and produces their canonical form. The same code runs on the
/// coordinator and in every agent, so that both sides hash exactly the same bytes.
/// </summary>
/// <remarks>
/// Every input is first brought to Unicode NFKC; casing uses invariant (ordinal ASCII) rules only,
/// so the current culture never changes a result. A value that breaks a rule is rejected with that
/// rule, never repaired. The rules per type are described in docs/identifiers.md.
/// </remarks>
public static class IdentifierNormalizer
{
    /// <summary>
    /// Upper bound of <c>CanonicalEncoding.GetByteCount</c> for any identifier this normaliser
    /// produces: a destination of this size always suffices for <see cref="TryWriteEncoded"/>.
    /// </summary>
    /// <remarks>
    /// The largest is surname + birth date (226 bytes): header 2, voorvoegsel 2 + 10 (the longest
    /// table entry), geslachtsnaam 2 + 200 (the BRP field length, checked after folding) and
    /// birth date 2 + 8. Every canonical field is ASCII, so characters and bytes agree.
    /// </remarks>
    public const int MaxEncodedLength = 2 + (2 + SurnamePrefixes.MaxLength) + (2 + Surnames.MaxLength) + (2 + BirthDates.Length);

    // Maximum length of a single-field canonical form, reached by an IBAN.
    private const int MaxSingleFieldLength = Ibans.MaxLength;

    /// <summary>
    /// Normalises a value given as one text. Address and surname + birth date accept their
    /// documented text forms (<c>POSTCODE;HUISNUMMER[;HUISLETTER[;TOEVOEGING]]</c> and
    /// <c>ACHTERNAAM;GEBOORTEDATUM</c>).
    /// </summary>
    /// <exception cref="IdentifierValidationException">The value breaks a rule of its type.</exception>
    public static CanonicalIdentifier Normalize(IdentifierType type, string value, ColumnOptions? options = null) =>
        TryNormalize(type, value, options, out var result, out var error) ? result : throw new IdentifierValidationException(error);

    /// <summary>Normalises a value given as one text, without throwing for invalid values.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> declares a date format that is not supported.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined identifier type.</exception>
    public static bool TryNormalize(
        IdentifierType type,
        string? value,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error)
    {
        options ??= ColumnOptions.Default;
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = new IdentifierError(type, IdentifierRule.Empty);
            return false;
        }

        var text = TextRules.ToNfkc(value);
        switch (type)
        {
            case IdentifierType.Address:
                return TryNormalizeAddressText(text, options, out result, out error);
            case IdentifierType.SurnameBirthDate:
                return TryNormalizeSurnameBirthDateText(text, options, out result, out error);
        }

        Span<char> canonical = stackalloc char[MaxSingleFieldLength];
        if (!TryCanonicalizeSingleField(type, text, options, canonical, out var written, out var rule))
        {
            error = new IdentifierError(type, rule);
            return false;
        }

        result = new CanonicalIdentifier(type, [canonical[..written].ToString()]);
        error = default;
        return true;
    }

    /// <summary>Normalises an address given as separate parts.</summary>
    public static bool TryNormalizeAddress(
        AddressInput input,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Addresses.TryNormalize(input, options ?? ColumnOptions.Default, out result, out var rule))
        {
            error = default;
            return true;
        }

        error = new IdentifierError(IdentifierType.Address, rule);
        return false;
    }

    /// <summary>Normalises a surname + birth date given as separate parts.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> declares a date format that is not supported.</exception>
    public static bool TryNormalizeSurnameBirthDate(
        SurnameBirthDateInput input,
        ColumnOptions? options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ColumnOptions.Default;
        result = null;
        if (!Surnames.TryCanonicalize(ToNfkcOrNull(input.Prefix), ToNfkcOrNull(input.Surname), out var prefix, out var surname, out var rule)
            || !BirthDates.TryCanonicalize(ToNfkcOrNull(input.BirthDate), options.DateFormats, out var birthDate, out rule))
        {
            error = new IdentifierError(IdentifierType.SurnameBirthDate, rule);
            return false;
        }

        result = new CanonicalIdentifier(IdentifierType.SurnameBirthDate, [prefix, surname, birthDate]);
        error = default;
        return true;
    }

    /// <summary>
    /// Writes exactly what <c>CanonicalEncoding.Write(Normalize(type, value, options))</c> writes,
    /// header included, without allocating for ASCII input of the single-field types (every type
    /// except address and surname + birth date). Other input takes the allocating path.
    /// </summary>
    /// <param name="type">The identifier type.</param>
    /// <param name="value">The value as the source or user gives it.</param>
    /// <param name="options">The column's options.</param>
    /// <param name="destination">
    /// Receives the encoding; <see cref="MaxEncodedLength"/> bytes always suffice.
    /// </param>
    /// <param name="bytesWritten">The encoded length, or 0 when the value is invalid.</param>
    /// <param name="failedRule">The rule the value broke, or <c>default</c> (0) when it passed.</param>
    /// <returns><see langword="true"/> when the value is valid and was written.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is too small for the encoding, or <paramref name="options"/>
    /// declares a date format that is not supported.
    /// </exception>
    [SkipLocalsInit] // The stack buffer is only read where the normaliser wrote it.
    public static bool TryWriteEncoded(
        IdentifierType type,
        ReadOnlySpan<char> value,
        ColumnOptions options,
        Span<byte> destination,
        out int bytesWritten,
        out IdentifierRule failedRule)
    {
        options ??= ColumnOptions.Default;
        bytesWritten = 0;
        if (type is IdentifierType.Address or IdentifierType.SurnameBirthDate || !Ascii.IsValid(value))
        {
            return TryWriteEncodedAllocating(type, value, options, destination, out bytesWritten, out failedRule);
        }

        Span<char> canonical = stackalloc char[MaxSingleFieldLength];
        if (!TryCanonicalizeSingleField(type, value, options, canonical, out var length, out failedRule))
        {
            return false;
        }

        var encodedLength = 4 + length;
        if (destination.Length < encodedLength)
        {
            throw new ArgumentException($"The destination needs {encodedLength} bytes; it has {destination.Length}.", nameof(destination));
        }

        destination[0] = TokenScheme.Version;
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);

        // Canonical single fields are ASCII, so each char is one UTF-8 byte.
        Ascii.FromUtf16(canonical[..length], destination[4..], out _);
        bytesWritten = encodedLength;
        return true;
    }

    private static bool TryWriteEncodedAllocating(
        IdentifierType type,
        ReadOnlySpan<char> value,
        ColumnOptions options,
        Span<byte> destination,
        out int bytesWritten,
        out IdentifierRule failedRule)
    {
        bytesWritten = 0;
        if (!TryNormalize(type, value.ToString(), options, out var identifier, out var error))
        {
            failedRule = error.Rule;
            return false;
        }

        var encodedLength = CanonicalEncoding.GetByteCount(identifier);
        if (destination.Length < encodedLength)
        {
            throw new ArgumentException($"The destination needs {encodedLength} bytes; it has {destination.Length}.", nameof(destination));
        }

        bytesWritten = CanonicalEncoding.Write(identifier, destination);
        failedRule = default;
        return true;
    }

    /// <summary>Validates a single-field type; <paramref name="value"/> is ASCII or already NFKC.</summary>
    private static bool TryCanonicalizeSingleField(
        IdentifierType type,
        ReadOnlySpan<char> value,
        ColumnOptions options,
        Span<char> destination,
        out int written,
        out IdentifierRule failedRule)
    {
        return type switch
        {
            IdentifierType.Bsn or IdentifierType.Rsin or IdentifierType.KvkNumber or IdentifierType.BranchNumber =>
                DigitNumbers.TryCanonicalize(type, value, options.RestoreLeadingZeros, destination, out written, out failedRule),
            IdentifierType.BagObjectId => BagObjectIds.TryCanonicalize(value, options, destination, out written, out failedRule),
            IdentifierType.LicencePlate => LicencePlates.TryCanonicalize(value, destination, out written, out failedRule),
            IdentifierType.Iban => Ibans.TryCanonicalize(value, destination, out written, out failedRule),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown identifier type."),
        };
    }

    private static bool TryNormalizeAddressText(
        string text,
        ColumnOptions options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error)
    {
        if (!Addresses.TryParseTextForm(text, out var input))
        {
            result = null;
            error = new IdentifierError(IdentifierType.Address, IdentifierRule.TextFormInvalid);
            return false;
        }

        return TryNormalizeAddress(input, options, out result, out error);
    }

    /// <summary>Splits the text form <c>ACHTERNAAM;GEBOORTEDATUM</c>; the surname may carry its voorvoegsel.</summary>
    private static bool TryNormalizeSurnameBirthDateText(
        string text,
        ColumnOptions options,
        [NotNullWhen(true)] out CanonicalIdentifier? result,
        out IdentifierError error)
    {
        var parts = text.Split(';');
        if (parts.Length != 2)
        {
            result = null;
            error = new IdentifierError(IdentifierType.SurnameBirthDate, IdentifierRule.TextFormInvalid);
            return false;
        }

        return TryNormalizeSurnameBirthDate(new SurnameBirthDateInput(null, parts[0], parts[1]), options, out result, out error);
    }

    private static string? ToNfkcOrNull(string? value) => value is null ? null : TextRules.ToNfkc(value);
}
