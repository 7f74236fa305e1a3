using System.Globalization;

namespace GsoHitService.Matching;

/// <summary>
/// User-facing texts for validation failures: Dutch by default, English where the UI culture is English.
/// </summary>
public static class IdentifierMessages
{
    /// <summary>
    /// Describes a failure for a user: the identifier type, the rule it broke and what to do.
    /// Never includes the value.
    /// </summary>
    public static string Describe(IdentifierError error, CultureInfo? culture = null) => throw new NotImplementedException();
}
