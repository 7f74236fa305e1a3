namespace GsoHitService.Cli.Help;

/// <summary>Line width for help text.</summary>
internal static class HelpWidth
{
    /// <summary>Width used when the help is not written to a terminal: lines are not wrapped.</summary>
    public const int Unlimited = int.MaxValue;

    /// <summary>
    /// Returns the terminal width when <paramref name="output"/> is the console and the console is a
    /// terminal, and <see cref="Unlimited"/> otherwise, so that redirected or captured help keeps
    /// one line per row.
    /// </summary>
    public static int For(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return Unlimited;
        }

        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? width : Unlimited;
        }
        catch (IOException)
        {
            return Unlimited;
        }
    }
}
