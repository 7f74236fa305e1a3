using System.Globalization;

namespace GsoHitService.Cli.Decisions;

/// <summary>Fills a localised message template with the user's culture.</summary>
internal static class Messages
{
    public static string Format(string template, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, template, arguments);
}
