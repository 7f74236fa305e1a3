using System.Globalization;
using System.Resources;

namespace GsoHitService.Matching;

/// <summary>
/// User-facing texts for validation failures: Dutch by default, English where the UI culture is English.
/// </summary>
public static class IdentifierMessages
{
    private static readonly ResourceManager Resources =
        new("GsoHitService.Matching.Resources.IdentifierMessages", typeof(IdentifierMessages).Assembly);

    /// <summary>
    /// Describes a failure for a user: the identifier type, the rule it broke and what to do.
    /// Never includes the value.
    /// </summary>
    /// <param name="error">The failure.</param>
    /// <param name="culture">The language; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    public static string Describe(IdentifierError error, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var template = GetRequiredString($"Rule_{error.Rule}", culture);
        var typeName = GetRequiredString($"Type_{error.Type}", culture);
        var form = GetRequiredString($"Form_{error.Type}", culture);
        return string.Format(culture, template, typeName, form);
    }

    /// <summary>Gets the name of an identifier type as users read it, for example <c>KvK-nummer</c>.</summary>
    /// <param name="type">The identifier type.</param>
    /// <param name="culture">The language; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    public static string GetTypeName(IdentifierType type, CultureInfo? culture = null) =>
        GetRequiredString($"Type_{type}", culture ?? CultureInfo.CurrentUICulture);

    private static string GetRequiredString(string name, CultureInfo culture) =>
        Resources.GetString(name, culture)
        ?? throw new InvalidOperationException($"The resource '{name}' is missing from IdentifierMessages.resx.");
}
