namespace GsoHitService.Cli.Help;

/// <summary>Finds the known name closest to a mistyped command or option.</summary>
internal static class TokenSuggestions
{
    /// <summary>Largest number of single-character edits between a token and a suggestion.</summary>
    private const int MaxEdits = 2;

    /// <summary>
    /// Returns the candidate with the fewest edits from <paramref name="token"/>, the first one on
    /// a tie, or null when every candidate needs more than <see cref="MaxEdits"/> edits or more edits
    /// than half its length, so that "x" does not suggest "pc1".
    /// </summary>
    public static string? Closest(string token, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(token, candidate);
            if (distance <= MaxEdits && distance * 2 < candidate.Length && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Returns the optimal string alignment distance: the number of single-character insertions,
    /// deletions, substitutions and swaps of two neighbouring characters that turn
    /// <paramref name="source"/> into <paramref name="target"/>. A swap counts as one edit because
    /// it is the most common typing slip, as in "sing" for "sign".
    /// </summary>
    internal static int EditDistance(string source, string target)
    {
        var distances = new int[source.Length + 1, target.Length + 1];
        for (var i = 0; i <= source.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (var j = 0; j <= target.Length; j++)
        {
            distances[0, j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            for (var j = 1; j <= target.Length; j++)
            {
                var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                var distance = Math.Min(
                    distances[i - 1, j - 1] + cost,
                    Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1));
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                {
                    distance = Math.Min(distance, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = distance;
            }
        }

        return distances[source.Length, target.Length];
    }
}
