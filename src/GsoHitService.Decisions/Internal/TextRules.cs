using System.Globalization;
using System.Text;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Rules for the two kinds of text in a decision. Ids are printable ASCII, so that ordinal and byte
/// order agree and no look-alike characters can hide in them. Free text (purpose, legal basis) is
/// NFC-normalised and free of control and format characters, so that what a member reads in a
/// terminal is exactly what is signed: no escape sequences, no bidirectional overrides.
/// </summary>
internal static class TextRules
{
    /// <summary>Longest id, in characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest free text, in characters.</summary>
    public const int MaxFreeTextLength = 2000;

    /// <summary>Returns null when <paramref name="value"/> is a valid id, otherwise the broken rule.</summary>
    public static string? CheckId(string value)
    {
        if (value.Length is 0 or > MaxIdLength)
        {
            return $"must be 1 to {MaxIdLength} characters long";
        }

        foreach (var character in value)
        {
            if (character is < '!' or > '~')
            {
                return "may contain only printable ASCII characters without spaces";
            }
        }

        return null;
    }

    /// <summary>Longest member name, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Returns null when <paramref name="value"/> is a valid member name (one line of free text), otherwise the broken rule.</summary>
    public static string? CheckName(string value)
    {
        if (value.Length > MaxNameLength)
        {
            return $"must be 1 to {MaxNameLength} characters long";
        }

        return value.Contains('\n', StringComparison.Ordinal) ? "must be a single line" : CheckFreeText(value);
    }

    /// <summary>Returns null when <paramref name="value"/> is valid free text, otherwise the broken rule.</summary>
    public static string? CheckFreeText(string value)
    {
        if (value.Length is 0 or > MaxFreeTextLength)
        {
            return $"must be 1 to {MaxFreeTextLength} characters long";
        }

        // Lone surrogates would be replaced silently by the UTF-8 encoder, so reject them first;
        // IsNormalized also throws on them.
        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return "is not valid Unicode (lone surrogate)";
            }

            remaining = remaining[consumed..];
        }

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            return "must be in Unicode normal form C";
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var allowed = rune.Value == '\n' || category is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate);
            if (!allowed)
            {
                return $"may not contain the character U+{rune.Value:X4} (control, format, private-use or unassigned)";
            }
        }

        return null;
    }
}
