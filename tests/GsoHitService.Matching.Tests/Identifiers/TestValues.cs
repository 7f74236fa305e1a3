using System.Text;
using CsCheck;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// Generators shared by the property tests: valid values per type (BSNs computed with the
/// elfproef, IBANs with mod-97, fictitious plates and addresses) and writing variants of them.
/// </summary>
internal static class TestValues
{
    public static IReadOnlyList<IdentifierType> DigitTypes { get; } =
        [IdentifierType.Bsn, IdentifierType.Rsin, IdentifierType.KvkNumber, IdentifierType.BranchNumber];

    public static IReadOnlyList<IdentifierType> SingleFieldTypes { get; } =
        [.. DigitTypes, IdentifierType.BagObjectId, IdentifierType.LicencePlate, IdentifierType.Iban];

    /// <summary>
    /// Text that looks like an identifier: digits, letters, separators and some non-ASCII
    /// characters (full-width digits, no-break space, non-breaking hyphen, accented letters).
    /// </summary>
    public static Gen<string> IdentifierLikeText { get; } = Gen.String[
        Gen.Char["0123456789999999012345ABCDEFGHJKLNPRSTVXZabcxyz .-–\u00A0\u2011\t,+E/;\uFF10\uFF15é"], 0, 24];

    private const string Consonants = "BDFGHJKLNPRSTVXZ";

    private static readonly string[] Separators = [" ", "-", "\u00A0", "\u2011", "\u2013", "\t", "  "];

    private static readonly string[] PlateSidecodes =
    [
        "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
        "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
    ];

    private static readonly string[] Prefixes = ["", "van", "van der", "de", "van 't", "in 't", "d'", "ten", "von"];

    private static readonly Gen<char> Digit = Gen.Char['0', '9'];

    /// <summary>A valid value of the type, written in its plainest form.</summary>
    public static Gen<string> Valid(IdentifierType type) => type switch
    {
        IdentifierType.Bsn or IdentifierType.Rsin => Gen.Int[1, 99_999_999].Select(WithElfproefDigit).Where(value => value is not null).Select(value => value!),
        IdentifierType.KvkNumber => Digits(8).Where(value => value.Any(c => c != '0')),
        IdentifierType.BranchNumber => Digits(12).Where(value => value.Any(c => c != '0')),
        IdentifierType.BagObjectId => Gen.Select(Digits(4), Gen.OneOfConst("01", "02", "03", "10", "20", "30"), Digits(10), (municipality, objectType, serial) => municipality + objectType + serial),
        IdentifierType.LicencePlate => Plate.Where(plate => IdentifierNormalizer.TryNormalize(IdentifierType.LicencePlate, plate, null, out _, out _)),
        IdentifierType.Iban => Gen.Select(Gen.Char['A', 'Z'].Array[4], Digits(10), (bank, account) => WithIbanCheckDigits("NL", new string(bank) + account)),
        IdentifierType.Address => Address,
        IdentifierType.SurnameBirthDate => SurnameBirthDate,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Writes a valid value in another way that must give the same canonical form: other spacing,
    /// case, separators, full-width digits, NFD instead of NFC, prefix position.
    /// </summary>
    public static Gen<string> Variant(IdentifierType type, string value) => type switch
    {
        IdentifierType.Bsn or IdentifierType.Rsin or IdentifierType.KvkNumber or IdentifierType.BranchNumber => SeparatedVariant(value),
        IdentifierType.BagObjectId => BagVariant(value),
        IdentifierType.LicencePlate => PlateVariant(value),
        IdentifierType.Iban => IbanVariant(value),
        IdentifierType.Address => AddressVariant(value),
        IdentifierType.SurnameBirthDate => SurnameVariant(value),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A valid value and one variant of it.</summary>
    public static Gen<(string Value, string Variant)> ValueAndVariant(IdentifierType type) =>
        Valid(type).SelectMany(value => Variant(type, value).Select(variant => (value, variant)));

    private static Gen<string> Digits(int count) => Digit.Array[count].Select(digits => new string(digits));

    private static string? WithElfproefDigit(int eightDigits)
    {
        var text = eightDigits.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (text[i] - '0');
        }

        var check = sum % 11;
        return check == 10 ? null : text + (char)('0' + check);
    }

    private static string WithIbanCheckDigits(string country, string bban)
    {
        var rearranged = bban + country + "00";
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return $"{country}{98 - remainder:D2}{bban}";
    }

    private static Gen<string> Plate { get; } = Gen.Int[0, PlateSidecodes.Length - 1].SelectMany(index =>
        Gen.Select(Gen.Char[Consonants].Array[6], Digit.Array[6], (letters, digits) =>
        {
            var builder = new StringBuilder();
            var position = 0;
            foreach (var c in PlateSidecodes[index])
            {
                builder.Append(c switch
                {
                    'L' => letters[position++],
                    'D' => digits[position++],
                    _ => '-',
                });
            }

            return builder.ToString();
        }));

    private static Gen<string> Address { get; } = Gen.Select(
        Gen.Int[1000, 9999],
        Gen.Char['A', 'Z'].Array[2],
        Gen.Int[1, 99999],
        Gen.OneOf(Gen.Const(""), Gen.Char['A', 'Z'].Select(c => c.ToString())),
        Gen.OneOf(Gen.Const(""), Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"], 1, 4]),
        (digits, letters, number, letter, addition) => $"{digits}{new string(letters)};{number};{letter};{addition}")
        .Where(text => IdentifierNormalizer.TryNormalize(IdentifierType.Address, text, null, out _, out _));

    private static Gen<string> Name { get; } = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzäëïöüéèçñøæœßłđþ"], 2, 10]
        .Array[1, 3]
        .SelectMany(words => Gen.OneOfConst(" ", "-").Select(joiner => string.Join(joiner, words)));

    private static Gen<string> SurnameBirthDate { get; } = Gen.Select(
        Gen.OneOfConst(Prefixes),
        Name,
        Gen.Int[1900, 2024],
        Gen.Int[0, 12],
        Gen.Int[0, 28],
        (prefix, name, year, month, day) =>
        {
            var surname = prefix.Length == 0 ? name : $"{prefix} {name}";
            var date = $"{year:D4}{month:D2}{(month == 0 ? 0 : day):D2}";
            return $"{surname};{date}";
        });

    private static Gen<string> SeparatedVariant(string digits) =>
        Gen.Select(Gen.Bool.Array[digits.Length], Gen.OneOfConst(Separators), Gen.Bool.Array[digits.Length], Gen.OneOfConst("", " ", "\t", "\u00A0"),
            (separate, separator, fullWidth, padding) =>
            {
                var builder = new StringBuilder(padding);
                for (var i = 0; i < digits.Length; i++)
                {
                    if (i > 0 && separate[i])
                    {
                        builder.Append(separator);
                    }

                    builder.Append(fullWidth[i] ? (char)(digits[i] - '0' + '\uFF10') : digits[i]);
                }

                return builder.Append(padding).ToString();
            });

    private static Gen<string> BagVariant(string digits)
    {
        var objectType = digits[4..6] switch
        {
            "01" => "Verblijfsobject",
            "02" => "Ligplaats",
            "03" => "Standplaats",
            "10" => "Pand",
            "20" => "Nummeraanduiding",
            _ => "Openbareruimte",
        };

        return Gen.Select(Gen.Bool, Gen.Bool, Gen.OneOfConst("", " ", "\u00A0"), (withPrefix, upper, padding) =>
        {
            var prefix = withPrefix ? $"NL.IMBAG.{objectType}." : "";
            return padding + (upper ? prefix.ToUpperInvariant() : prefix.ToLowerInvariant()) + digits + padding;
        });
    }

    private static Gen<string> PlateVariant(string plate)
    {
        var groups = plate.Split('-');
        return Gen.Select(Gen.Bool.Array[plate.Length], Gen.OneOfConst(["", .. Separators]), Gen.OneOfConst(["", .. Separators]), Gen.Bool,
            (lower, first, second, fullWidth) =>
            {
                var joined = groups[0] + first + groups[1] + second + groups[2];
                var builder = new StringBuilder();
                for (var i = 0; i < joined.Length; i++)
                {
                    var c = i < lower.Length && lower[i] ? char.ToLowerInvariant(joined[i]) : joined[i];
                    builder.Append(fullWidth && char.IsAsciiLetterOrDigit(c) ? (char)(c - '!' + '\uFF01') : c);
                }

                return builder.ToString();
            });
    }

    private static Gen<string> IbanVariant(string iban) =>
        Gen.Select(Gen.Bool, Gen.Bool, Gen.OneOfConst(" ", "\u00A0", "  "), (grouped, lower, separator) =>
        {
            var text = grouped ? string.Join(separator, iban.Chunk(4).Select(chunk => new string(chunk))) : iban;
            return lower ? text.ToLowerInvariant() : text;
        });

    private static Gen<string> AddressVariant(string address)
    {
        var parts = address.Split(';');
        var (postcode, number, letter, addition) = (parts[0], parts[1], parts[2], parts[3]);
        return Gen.Select(Gen.Bool, Gen.OneOfConst("", " ", "\u00A0", "  "), Gen.Int[0, 2], Gen.Bool, Gen.OneOfConst("", " ", "-", "\u2013"),
            (lower, postcodeSpace, zeros, lowerLetter, additionSeparator) =>
            {
                var postcodeText = postcode[..4] + postcodeSpace + (lower ? postcode[4..].ToLowerInvariant() : postcode[4..]);
                var additionText = addition.Length is > 1 and < 4 ? addition[..1] + additionSeparator + addition[1..] : addition;
                var letterText = lowerLetter ? letter.ToLowerInvariant() : letter;
                return $" {postcodeText} ;{new string('0', zeros)}{number};{letterText} ;{additionText.ToLowerInvariant()}";
            });
    }

    private static Gen<string> SurnameVariant(string value)
    {
        var parts = value.Split(';');
        var (surname, date) = (parts[0], parts[1]);
        var prefix = Prefixes.Where(candidate => candidate.Length > 0 && surname.StartsWith(candidate + " ", StringComparison.Ordinal))
            .OrderByDescending(candidate => candidate.Length)
            .FirstOrDefault();
        return Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Bool, Gen.Bool,
            (form, decompose, upper, isoDate) =>
            {
                var name = form switch
                {
                    1 when prefix is not null => $"{surname[(prefix.Length + 1)..]}, {prefix}",
                    2 => surname.Replace(" ", "  ", StringComparison.Ordinal).Replace('\'', '\u2019'),
                    3 => surname.Replace('-', '\u2013'),
                    _ => surname,
                };
                name = upper ? name.ToUpperInvariant() : name;
                name = name.Normalize(decompose ? NormalizationForm.FormD : NormalizationForm.FormC);
                var dateText = isoDate ? $"{date[..4]}-{date[4..6]}-{date[6..]}" : date;
                return $"{name};{dateText}";
            });
    }
}
