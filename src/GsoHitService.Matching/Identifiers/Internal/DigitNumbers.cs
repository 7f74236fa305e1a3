using System.Runtime.CompilerServices;

namespace GsoHitService.Matching;

/// <summary>
/// BSN, RSIN, KvK-nummer and vestigingsnummer: a fixed number of digits, written with optional
/// spaces, dots and dashes. Works on spans without allocating, because the BSN is the token
/// benchmark's hot path.
/// </summary>
internal static class DigitNumbers
{
    /// <summary>The longest digit type (vestigingsnummer), so callers can size their buffers.</summary>
    public const int MaxLength = 12;

    /// <summary>Checks whether the type is one of the digit types handled here.</summary>
    public static bool Handles(IdentifierType type) => type is
        IdentifierType.Bsn or IdentifierType.Rsin or IdentifierType.KvkNumber or IdentifierType.BranchNumber;

    /// <summary>Gets the number of digits of a digit type.</summary>
    public static int GetLength(IdentifierType type) => type switch
    {
        IdentifierType.Bsn or IdentifierType.Rsin => 9,
        IdentifierType.KvkNumber => 8,
        IdentifierType.BranchNumber => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a digit identifier type."),
    };

    /// <summary>
    /// Validates a value (ASCII, or already NFKC) and writes its canonical digits to the start of
    /// <paramref name="destination"/>, which must hold <see cref="MaxLength"/> characters.
    /// </summary>
    [SkipLocalsInit] // The digit buffer is only read up to the digits written into it.
    public static bool TryCanonicalize(
        IdentifierType type,
        ReadOnlySpan<char> value,
        bool restoreLeadingZeros,
        Span<char> destination,
        out int written,
        out IdentifierRule failedRule)
    {
        written = 0;
        var length = GetLength(type);

        // Most values arrive as plain digits; they skip the separator scan.
        if (value.Length == length && TextRules.IsAsciiDigits(value))
        {
            value.CopyTo(destination);
            return TryCheckDigits(type, destination[..length], out written, out failedRule);
        }

        var trimmed = TextRules.TrimWhiteSpace(value);
        if (trimmed.IsEmpty)
        {
            failedRule = IdentifierRule.Empty;
            return false;
        }

        // One pass: collect up to `length` digits and note whether any separator occurred.
        Span<char> digits = stackalloc char[MaxLength];
        var digitCount = 0;
        var hasSeparator = false;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digitCount < length)
                {
                    digits[digitCount] = c;
                }

                digitCount++;
            }
            else if (c == '.' || TextRules.IsWhiteSpace(c) || TextRules.IsDash(c))
            {
                hasSeparator = true;
            }
            else
            {
                failedRule = ExcelArtefacts.HasDateOrExponent(trimmed) || ExcelArtefacts.IsDecimalNumber(trimmed)
                    ? IdentifierRule.ExcelArtefact
                    : IdentifierRule.InvalidCharacter;
                return false;
            }
        }

        // A dot is an allowed separator, so 12345672.0 would otherwise pass as nine digits.
        if (hasSeparator && ExcelArtefacts.IsDecimalNumber(trimmed))
        {
            failedRule = IdentifierRule.ExcelArtefact;
            return false;
        }

        if (digitCount < length && !hasSeparator && IsPaddable(type, digitCount))
        {
            if (!restoreLeadingZeros)
            {
                failedRule = IdentifierRule.LeadingZerosMissing;
                return false;
            }

            // Padding happens only here, after the value proved to be digits only.
            var zeros = length - digitCount;
            digits[..digitCount].CopyTo(destination[zeros..]);
            destination[..zeros].Fill('0');
        }
        else if (digitCount != length)
        {
            failedRule = IdentifierRule.WrongLength;
            return false;
        }
        else
        {
            digits[..length].CopyTo(destination);
        }

        return TryCheckDigits(type, destination[..length], out written, out failedRule);
    }

    /// <summary>Applies the rules that look at the canonical digits: all zeros, and the elfproef for BSN and RSIN.</summary>
    private static bool TryCheckDigits(IdentifierType type, ReadOnlySpan<char> canonical, out int written, out IdentifierRule failedRule)
    {
        written = 0;
        if (!canonical.ContainsAnyExcept('0'))
        {
            failedRule = IdentifierRule.AllZeros;
            return false;
        }

        if (type is IdentifierType.Bsn or IdentifierType.Rsin && !PassesElfproef(canonical))
        {
            failedRule = IdentifierRule.Elfproef;
            return false;
        }

        written = canonical.Length;
        failedRule = default;
        return true;
    }

    /// <summary>
    /// Computes the elfproef of a 9-digit BSN or RSIN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a
    /// multiple of 11.
    /// </summary>
    public static bool PassesElfproef(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (nineDigits[i] - '0');
        }

        sum -= nineDigits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>
    /// Decides which digits-only lengths are a value that lost leading zeros, not a truncated one.
    /// </summary>
    /// <remarks>
    /// BSN and RSIN: only 8 digits, one lost zero; shorter values are always rejected. KvK-nummer:
    /// only 7 digits, by the same decision: a value two or more digits short is more likely cut
    /// off than stripped of zeros. Vestigingsnummer: 1 to 11 digits, because it is a zero-padded
    /// sequence number (the KvK test environment uses <c>000006363571</c>), so a numeric column
    /// can drop any number of zeros. A value of only separators has 0 digits and is rejected as
    /// <see cref="IdentifierRule.WrongLength"/>.
    /// </remarks>
    private static bool IsPaddable(IdentifierType type, int digitCount) => type switch
    {
        IdentifierType.Bsn or IdentifierType.Rsin => digitCount == 8,
        IdentifierType.KvkNumber => digitCount == 7,
        IdentifierType.BranchNumber => digitCount is >= 1 and <= 11,
        _ => false,
    };
}
