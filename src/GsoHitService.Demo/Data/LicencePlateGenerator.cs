using System.Globalization;

namespace GsoHitService.Demo.Data;

/// <summary>
/// Generates fictitious Dutch kentekens in RDW sidecode 11 (<c>XXX-99-X</c>).
/// </summary>
/// <remarks>
/// The rules followed are the RDW's as published on nummerborden.info and blog.kenteken.tv. These
/// letter groups have no vowels and no C, M, Q, W or Y. They avoid the blocked combinations GVD,
/// KKK, KVT, LPF, NSB, PKK, PSV, TBS, PVV, SGP and VVD, and SS or SD anywhere. FVD and SP are
/// avoided too, because NRC (May 2018) reported their issue as a breach of the RDW's rules.
/// The RDW issues plates in ascending letter order (sidecode 10 began at G-001-BB in 2019, per
/// carros.nl), and sidecode 11 began in June 2024 (nummerborden.info). So plates of this series
/// that start with R, S, X or Z are not expected on any vehicle for years. That is an estimate
/// from the issue order, not a check against the RDW register.
/// </remarks>
internal static class LicencePlateGenerator
{
    private const string Letters = "BDFGHJKLNPRSTVXZ";
    private const string FirstLetters = "RSXZ";

    private static readonly string[] BlockedCombinations =
        ["GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "TBS", "PVV", "SGP", "VVD", "FVD"];

    private static readonly string[] BlockedPairs = ["SS", "SD", "SP"];

    /// <summary>Returns a new plate in canonical form (upper case, no dashes), for example <c>SXT52R</c>.</summary>
    public static string Next(DeterministicRandom random)
    {
        while (true)
        {
            var letters = string.Concat(
                FirstLetters[random.Next(FirstLetters.Length)],
                Letters[random.Next(Letters.Length)],
                Letters[random.Next(Letters.Length)]);
            if (!IsAllowedLetterGroup(letters))
            {
                continue;
            }

            var digits = random.Next(1, 100);
            var lastLetter = Letters[random.Next(Letters.Length)];
            return string.Concat(letters, digits.ToString("00", CultureInfo.InvariantCulture), lastLetter.ToString());
        }
    }

    /// <summary>Writes a canonical sidecode 11 plate with the RDW's dashes: <c>SXT-52-R</c>.</summary>
    public static string WithDashes(string plate) => $"{plate[..3]}-{plate[3..5]}-{plate[5..]}";

    /// <summary>Whether a three-letter group avoids the blocked combinations.</summary>
    public static bool IsAllowedLetterGroup(string letters) =>
        !BlockedCombinations.Contains(letters, StringComparer.Ordinal)
        && !BlockedPairs.Any(pair => letters.Contains(pair, StringComparison.Ordinal));
}
