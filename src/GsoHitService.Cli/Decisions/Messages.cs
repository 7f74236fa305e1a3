using System.Globalization;

namespace GsoHitService.Cli.Decisions;

/// <summary>Fills a localised message template with the user's culture.</summary>
internal static class Messages
{
    public static string Format(string template, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, template, arguments);

    /// <summary>
    /// Fills <paramref name="singular"/> when <paramref name="count"/> is 1 and
    /// <paramref name="plural"/> otherwise, so a message reads "1 logregel" and "3 logregels". Dutch
    /// and English, the two languages of gso, both use the singular for exactly one and the plural
    /// for 0 and for more than one.
    /// </summary>
    public static string FormatCount(long count, string singular, string plural, params object?[] arguments) =>
        Format(count == 1 ? singular : plural, arguments);
}
