using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests.Commands;

/// <summary>Runs a command tree under a given culture with output and error captured.</summary>
internal static class CommandRun
{
    public static (int ExitCode, string Output, string Error) Invoke(Command command, string culture, params string[] args) =>
        Invoke(() => command, culture, args);

    /// <summary>
    /// Runs the real gso tree, built after the culture is set: descriptions are read from the
    /// resources when the tree is built, as in Program.cs.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Gso(string culture, params string[] args) =>
        Invoke(GsoCommandLine.Create, culture, args);

    private static (int ExitCode, string Output, string Error) Invoke(Func<Command> createCommand, string culture, string[] args)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = createCommand().Parse(args).InvokeLocalized(new InvocationConfiguration { Output = output, Error = error });
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
