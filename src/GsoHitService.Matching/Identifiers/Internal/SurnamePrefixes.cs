namespace GsoHitService.Matching;

/// <summary>
/// The fixed table of voorvoegsels (lower case, apostrophes straight, diacritics folded) and the
/// abbreviations that systems use for them.
/// </summary>
/// <remarks>
/// The table contains the voorvoegsels of Dutch, German, French, Spanish, Italian and Arabic surnames
/// as the BRP records them, including every voorvoegsel in the RvIG test persons under
/// <c>data/brp-bevragen</c> that is a real voorvoegsel. A voorvoegsel missing here stays part of the
/// geslachtsnaam on both sides, so keys still agree when both sides write the name in the same
/// order; only the trailing form (<c>Meer, van der</c>) needs the entry.
/// NOTE: not yet compared entry by entry with the RvIG voorvoegseltabel (GBA tabel 36); an entry
/// added later changes canonical forms and so needs a new <see cref="NormaliserProfile.Id"/>.
/// </remarks>
internal static class SurnamePrefixes
{
    /// <summary>The longest entry, in characters.</summary>
    public const int MaxLength = 10;

    /// <summary>Entries, longest first so that <c>van der</c> wins over <c>van</c>.</summary>
    private static readonly string[] Entries = new[]
    {
        "'s", "'t", "a", "aan", "aan 't", "aan de", "aan den", "aan der", "aan het", "aan t", "af", "al",
        "am", "am de", "auf", "auf dem", "auf den", "auf der", "auf ter", "aus", "aus 'm", "aus dem",
        "aus den", "aus der", "aus m", "ben", "bij", "bij 't", "bij de", "bij den", "bij het", "bij t",
        "bin", "boven d'", "d'", "da", "dal", "dal'", "dalla", "das", "de", "de die", "de die le",
        "de l'", "de la", "de las", "de le", "de van der", "deca", "degli", "dei", "del", "della", "den",
        "der", "des", "di", "die", "die le", "do", "don", "dos", "du", "el", "het", "im", "in", "in 't",
        "in de", "in den", "in der", "in het", "in t", "l'", "la", "las", "le", "les", "lo", "los",
        "onder", "onder 't", "onder de", "onder den", "onder het", "onder t", "op", "op 't", "op de",
        "op den", "op der", "op gen", "op het", "op t", "op ten", "over", "over 't", "over de",
        "over den", "over het", "over t", "s'", "t'", "te", "ten", "ter", "tho", "thoe", "thor", "to",
        "toe", "tot", "uijt", "uijt 't", "uijt de", "uijt den", "uijt te de", "uijt ten", "uit",
        "uit 't", "uit de", "uit den", "uit het", "uit t", "uit te de", "uit ten", "unter", "van",
        "van 't", "van de", "van de l'", "van den", "van der", "van gen", "van het", "van la", "van t",
        "van ter", "van van de", "ver", "vom", "von", "von 't", "von dem", "von den", "von der",
        "von t", "voor", "voor 't", "voor de", "voor den", "voor in 't", "voor in t", "vor", "vor der",
        "zu", "zum", "zur",
    }.OrderByDescending(entry => entry.Length).ThenBy(entry => entry, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Splits a leading voorvoegsel off a folded name (<c>van der Meer</c> gives <c>van der</c> and
    /// <c>Meer</c>). The longest entry wins that leaves a name with a letter. An entry must be
    /// followed by a space, except that one ending in an apostrophe may join the name
    /// (<c>d'Ancona</c>) and one starting with an apostrophe may be followed by a dash
    /// (<c>'s-Gravesande</c>). Returns an empty voorvoegsel when none matches.
    /// </summary>
    public static (string Prefix, string Remainder) SplitLeading(string name)
    {
        foreach (var entry in Entries)
        {
            if (!name.StartsWith(entry, StringComparison.OrdinalIgnoreCase) || name.Length == entry.Length)
            {
                continue;
            }

            var next = name[entry.Length];
            var restStart = next switch
            {
                ' ' => entry.Length + 1,
                '-' when entry[0] == '\'' => entry.Length + 1,
                _ when entry[^1] == '\'' => entry.Length,
                _ => -1,
            };

            if (restStart < 0)
            {
                continue;
            }

            var rest = name[restStart..];
            if (rest.Any(char.IsAsciiLetter))
            {
                return (entry, rest);
            }
        }

        return ("", name);
    }

    /// <summary>Finds the table entry that a whole text is, after expanding an abbreviation.</summary>
    public static bool TryMatchWhole(string text, out string entry)
    {
        var expanded = ExpandLeadingAbbreviation(text);
        foreach (var candidate in Entries)
        {
            if (expanded.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                entry = candidate;
                return true;
            }
        }

        entry = "";
        return false;
    }

    /// <summary>
    /// Expands an abbreviated voorvoegsel at the start of a name: <c>v.</c> to <c>van</c>, and
    /// <c>v.d.</c>, <c>v. d.</c>, <c>v.d</c>, <c>vd</c>, <c>vd.</c> and <c>v/d</c> to <c>van der</c>.
    /// An abbreviation must be followed by a space, by the end of the text, or (when it ends in a
    /// dot) directly by the name: <c>v.d.Berg</c>.
    /// </summary>
    /// <remarks>
    /// NOTE: <c>v.d.</c> also stands for <c>van de</c> and <c>van den</c>; it is read as
    /// <c>van der</c>, the most frequent, so a source that means <c>van den</c> by it gets a
    /// different key than the BRP.
    /// </remarks>
    public static string ExpandLeadingAbbreviation(string name)
    {
        if (name.Length < 2 || name[0] is not ('v' or 'V'))
        {
            return name;
        }

        var position = 1;
        string expansion;
        var endsWithDot = false;
        if (name[position] == '/' && position + 1 < name.Length && name[position + 1] is 'd' or 'D')
        {
            position += 2;
            expansion = "van der";
        }
        else
        {
            var firstDot = name[position] == '.';
            if (firstDot)
            {
                position++;
                if (position < name.Length && name[position] == ' ' && position + 1 < name.Length && name[position + 1] is 'd' or 'D'
                    && (position + 2 == name.Length || name[position + 2] is '.' or ' '))
                {
                    position++;
                }
            }

            if (position < name.Length && name[position] is 'd' or 'D'
                && (position + 1 == name.Length || name[position + 1] is '.' or ' '))
            {
                position++;
                expansion = "van der";
                if (position < name.Length && name[position] == '.')
                {
                    position++;
                    endsWithDot = true;
                }
            }
            else if (firstDot)
            {
                expansion = "van";
                endsWithDot = true;
            }
            else
            {
                return name;
            }
        }

        if (position == name.Length)
        {
            return expansion;
        }

        if (name[position] == ' ')
        {
            return expansion + name[position..];
        }

        return endsWithDot && char.IsAsciiLetter(name[position]) ? $"{expansion} {name[position..]}" : name;
    }
}
