using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Store;

/// <summary>
/// Checks on the input of store methods. Each failure is an <see cref="ArgumentException"/> that
/// names the value's kind and the rule; messages never contain the value itself, because it may
/// be personal data.
/// </summary>
internal static class InputRules
{
    /// <summary>Maximum length of short texts: titles, labels, department, member and field names.</summary>
    public const int MaxShortTextLength = 200;

    /// <summary>Maximum length of long texts: descriptions, reasons, purposes and released values.</summary>
    public const int MaxLongTextLength = 20_000;

    public static void RequireText(string? value, string kind, int maxLength = MaxShortTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {kind} is missing or blank.", kind);
        }

        RequireLength(value, kind, maxLength);
    }

    /// <summary>Checks a text that may be empty, such as the reporter of an anonymous signal.</summary>
    public static void RequireOptionalText(string? value, string kind, int maxLength = MaxShortTextLength)
    {
        ArgumentNullException.ThrowIfNull(value, kind);
        RequireLength(value, kind, maxLength);
    }

    public static void RequireDistinctNames(IReadOnlyList<string>? names, string kind, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(names, kind);

        if (!allowEmpty && names.Count == 0)
        {
            throw new ArgumentException($"At least one {kind} is required.", kind);
        }

        foreach (var name in names)
        {
            RequireText(name, kind);
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"Each {kind} may appear only once.", kind);
        }
    }

    public static void RequireDefined<TEnum>(TEnum value, string kind)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException($"The {kind} {value} is not a defined value.", kind);
        }
    }

    public static void RequireIdentifier(CanonicalIdentifier? identifier, string kind)
    {
        ArgumentNullException.ThrowIfNull(identifier, kind);
        RequireDefined(identifier.Type, $"{kind} type");

        if (identifier.Fields is not { Count: > 0 } fields || fields.Any(field => field is null))
        {
            throw new ArgumentException($"The {kind} of type {IdentifierTypes.ToName(identifier.Type)} has no canonical fields.", kind);
        }

        if (fields.All(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"The {kind} of type {IdentifierTypes.ToName(identifier.Type)} has only empty canonical fields.", kind);
        }
    }

    private static void RequireLength(string value, string kind, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The {kind} is {value.Length} characters long; at most {maxLength} are allowed.", kind);
        }
    }
}
