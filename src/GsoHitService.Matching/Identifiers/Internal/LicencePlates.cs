namespace GsoHitService.Matching;

/// <summary>
/// Dutch kentekens: six letters and digits in one of the RDW sidecodes 1 to 14. The letter/digit
/// shape alone determines the sidecode, so the canonical form drops the dashes without merging two
/// plates. Values in any other shape, such as foreign plates, are rejected.
/// </summary>
/// <remarks>
/// Sources for the facts below:
/// <list type="bullet">
/// <item>Sidecodes 1–10 and the exclusions: RDW, as quoted on nummerborden.info/info-nl-kentekens
/// ("Sinds kentekencombinatie 4 gebruikt de RDW geen klinkers meer in het kenteken (met
/// uitzondering van het kenteken voor opleggers). De letter C en Q gebruikt de RDW ook niet …
/// De volgende lettercombinaties gebruiken we niet: GVD, KKK, NSB, PKK, PSV, TBS, SS en SD.
/// Daarnaast zijn … ook de lettercombinaties PVV, SGP en VVD in de nieuwste kentekenseries
/// uitgesloten"); the same list in RTL Nieuws (August 2019) and NRC (May 2018), quoting the RDW.</item>
/// <item>Sidecodes 11–14 (XXX-99-X, X-99-XXX, 9-XX-999, 999-XX-9): Regeling kentekens en
/// kentekenplaten as amended in Staatscourant 2014, 9002, summarised by RAI Vereniging
/// (3 April 2014).</item>
/// <item>Opleggers start with O; C is the corps diplomatique, AA the royal house; GV followed by
/// four digits is reserved for border traffic (RTL Nieuws, August 2019, quoting the RDW).</item>
/// <item>For the three-letter series (sidecode 7 on) the RDW excluded GVD, NSB, TBS, LYK, SS and
/// SD (RDW announcement, February 2007, quoted on henkras.blogspot.com); SS and SD are therefore
/// also checked inside three-letter groups.</item>
/// </list>
/// </remarks>
internal static class LicencePlates
{
    public const int Length = 6;

    // L = letter, D = digit; index + 1 is the sidecode number.
    private static readonly string[] Sidecodes =
    [
        "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
        "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
    ];

    // Letter groups never issued in any series from sidecode 4 on.
    private static readonly string[] ExcludedGroups = ["GVD", "KKK", "NSB", "PKK", "PSV", "TBS", "LYK", "SS", "SD"];

    // NOTE: the RDW excludes these party names "in the newest series" without naming one. They are
    // checked only from sidecode 11 (in use since 2014), because older plates with them may exist.
    private static readonly string[] ExcludedGroupsFromSidecode11 = ["PVV", "SGP", "VVD"];

    /// <summary>Validates a value (ASCII, or already NFKC) and writes its 6 canonical characters.</summary>
    public static bool TryCanonicalize(ReadOnlySpan<char> value, Span<char> destination, out int written, out IdentifierRule failedRule)
    {
        written = 0;
        var text = TextRules.TrimWhiteSpace(value);
        if (text.IsEmpty)
        {
            failedRule = IdentifierRule.Empty;
            return false;
        }

        // Collect the characters and the positions (count of characters before) of separators.
        Span<char> plate = stackalloc char[Length];
        Span<char> shape = stackalloc char[Length];
        Span<bool> separatorBefore = stackalloc bool[Length + 1];
        var count = 0;
        foreach (var c in text)
        {
            if (TextRules.IsWhiteSpace(c) || TextRules.IsDash(c))
            {
                separatorBefore[Math.Min(count, Length)] = true;
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                failedRule = IdentifierRule.InvalidCharacter;
                return false;
            }

            if (count < Length)
            {
                plate[count] = TextRules.ToUpperAscii(c);
                shape[count] = char.IsAsciiDigit(c) ? 'D' : 'L';
            }

            count++;
        }

        if (count != Length)
        {
            failedRule = IdentifierRule.WrongLength;
            return false;
        }

        var sidecode = FindSidecode(shape);
        if (sidecode == 0)
        {
            failedRule = IdentifierRule.UnknownSidecode;
            return false;
        }

        if (!SeparatorsFitGroups(Sidecodes[sidecode - 1], separatorBefore))
        {
            failedRule = IdentifierRule.PlateSeparatorMisplaced;
            return false;
        }

        if (IsSpecialPlate(plate, sidecode))
        {
            failedRule = IdentifierRule.SpecialPlate;
            return false;
        }

        if (sidecode >= 4 && !LettersAreIssued(plate))
        {
            failedRule = IdentifierRule.PlateLettersNotIssued;
            return false;
        }

        if (sidecode >= 4 && HasExcludedGroup(plate, sidecode))
        {
            failedRule = IdentifierRule.PlateCombinationNotIssued;
            return false;
        }

        plate.CopyTo(destination);
        written = Length;
        failedRule = default;
        return true;
    }

    private static int FindSidecode(ReadOnlySpan<char> shape)
    {
        Span<char> candidate = stackalloc char[Length];
        for (var i = 0; i < Sidecodes.Length; i++)
        {
            var length = 0;
            foreach (var c in Sidecodes[i])
            {
                if (c != '-')
                {
                    candidate[length++] = c;
                }
            }

            if (candidate.SequenceEqual(shape))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Separators may be left out, but those present must sit between the sidecode's groups.</summary>
    private static bool SeparatorsFitGroups(string sidecode, ReadOnlySpan<bool> separatorBefore)
    {
        Span<bool> allowed = stackalloc bool[Length + 1];
        allowed[0] = true;
        allowed[Length] = true;
        var position = 0;
        foreach (var c in sidecode)
        {
            if (c == '-')
            {
                allowed[position] = true;
            }
            else
            {
                position++;
            }
        }

        for (var i = 0; i <= Length; i++)
        {
            if (separatorBefore[i] && !allowed[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpecialPlate(ReadOnlySpan<char> plate, int sidecode) =>
        plate.StartsWith("AA")
        || plate.StartsWith("CD")
        || (sidecode == 1 && plate.StartsWith("GV"));

    /// <summary>From sidecode 4 on: no vowels except O as the first character (opleggers), no C or Q.</summary>
    private static bool LettersAreIssued(ReadOnlySpan<char> plate)
    {
        for (var i = 0; i < plate.Length; i++)
        {
            var c = plate[i];
            if (c is 'A' or 'E' or 'I' or 'U' or 'C' or 'Q' || (c == 'O' && i > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks each letter group of the sidecode; adjacent groups (LL-LL-DD) are checked apart.</summary>
    private static bool HasExcludedGroup(ReadOnlySpan<char> plate, int sidecode)
    {
        var pattern = Sidecodes[sidecode - 1];
        var position = 0;
        foreach (var range in pattern.AsSpan().Split('-'))
        {
            var groupLength = range.End.Value - range.Start.Value;
            var group = plate.Slice(position, groupLength);
            if (pattern[range.Start] == 'L' && IsExcluded(group, sidecode))
            {
                return true;
            }

            position += groupLength;
        }

        return false;
    }

    private static bool IsExcluded(ReadOnlySpan<char> group, int sidecode)
    {
        foreach (var excluded in ExcludedGroups)
        {
            // Two-letter groups are excluded as a whole, and inside a three-letter group too.
            if (group.Length >= excluded.Length && group.Contains(excluded, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (sidecode >= 11)
        {
            foreach (var excluded in ExcludedGroupsFromSidecode11)
            {
                if (group.SequenceEqual(excluded))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
