namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>One surname to index.</summary>
/// <param name="Prefix">Voorvoegsel, or null when the surname text carries it.</param>
/// <param name="Surname">Geslachtsnaam.</param>
/// <param name="IsOwnName">
/// Whether this is the name the record certainly holds. Only its failures are counted; a derived
/// candidate that fails is simply not indexed.
/// </param>
internal readonly record struct SurnameCandidate(string? Prefix, string Surname, bool IsOwnName);

/// <summary>
/// The surnames that one record implies under the BRP's aanduiding naamgebruik: E own name, P partner's
/// name, V partner's name before own, N own name before partner's, with a hyphen between the two.
/// </summary>
internal static class SurnameCandidates
{
    /// <summary>Most hyphens of a name in use that are tried as the split between two names.</summary>
    private const int MaxSplits = 4;

    /// <summary>
    /// Adds the own name and, when asked, the name in use composed from the partner's name. The own
    /// name is always indexed, because the query side matches on it.
    /// </summary>
    public static void AddOwnAndUsed(
        List<SurnameCandidate> candidates,
        string? prefix,
        string surname,
        string? nameUsage,
        string? partnerPrefix,
        string? partnerSurname,
        bool includeUsedName)
    {
        candidates.Add(new SurnameCandidate(prefix, surname, IsOwnName: true));
        if (!includeUsedName || string.IsNullOrWhiteSpace(partnerSurname) || IsUnknown(partnerSurname))
        {
            return;
        }

        var own = Join(prefix, surname);
        var partner = Join(partnerPrefix, partnerSurname);
        switch (nameUsage?.Trim().ToUpperInvariant())
        {
            case "P":
                candidates.Add(new SurnameCandidate(partnerPrefix, partnerSurname, IsOwnName: false));
                break;
            case "V" when !IsUnknown(surname):
                candidates.Add(new SurnameCandidate(null, $"{partner}-{own}", IsOwnName: false));
                break;
            case "N" when !IsUnknown(surname):
                candidates.Add(new SurnameCandidate(null, $"{own}-{partner}", IsOwnName: false));
                break;
        }
    }

    /// <summary>
    /// Adds the candidates of a source that keeps only the name in use (<c>de Vries-Jansen</c>): the
    /// whole name, which is the own name under E and P, and both sides of each hyphen, one of which is
    /// the own name under V or N.
    /// </summary>
    public static void AddFromUsedName(List<SurnameCandidate> candidates, string? prefix, string usedName)
    {
        candidates.Add(new SurnameCandidate(prefix, usedName, IsOwnName: true));

        var whole = Join(prefix, usedName);
        var splits = 0;
        for (var i = whole.IndexOf('-'); i > 0 && i < whole.Length - 1 && splits < MaxSplits; i = whole.IndexOf('-', i + 1))
        {
            var left = whole[..i].Trim();
            var right = whole[(i + 1)..].Trim();
            if (left.Length > 0 && right.Length > 0)
            {
                candidates.Add(new SurnameCandidate(null, left, IsOwnName: false));
                candidates.Add(new SurnameCandidate(null, right, IsOwnName: false));
            }

            splits++;
        }
    }

    /// <summary>The BRP's standard value for an unknown geslachtsnaam.</summary>
    private static bool IsUnknown(string surname) => surname.Trim() == ".";

    private static string Join(string? prefix, string surname) =>
        string.IsNullOrWhiteSpace(prefix) ? surname.Trim() : $"{prefix.Trim()} {surname.Trim()}";
}
