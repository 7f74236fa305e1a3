using System.Globalization;

namespace GsoHitService.Cli;

/// <summary>Chooses the culture of what gso prints when the process has no locale of its own.</summary>
internal static class UserCulture
{
    /// <summary>The culture for users: Dutch, because the tool serves Dutch municipalities.</summary>
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>
    /// Sets Dutch for messages and for numbers and dates when the locale is the invariant one (as
    /// with <c>LANG=C</c> on a server). A locale that the user did set, English included, is kept.
    /// </summary>
    public static void ApplyDefault()
    {
        if (CultureInfo.CurrentUICulture.Equals(CultureInfo.InvariantCulture))
        {
            CultureInfo.CurrentUICulture = Dutch;
        }

        if (CultureInfo.CurrentCulture.Equals(CultureInfo.InvariantCulture))
        {
            CultureInfo.CurrentCulture = Dutch;
        }
    }
}
