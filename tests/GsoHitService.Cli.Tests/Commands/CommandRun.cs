using System.CommandLine;
using System.Globalization;

namespace GsoHitService.Cli.Tests.Commands;

/// <summary>Runs a command tree under a given culture with output and error captured.</summary>
internal static class CommandRun
{
    public static (int ExitCode, string Output, string Error) Invoke(Command command, string culture, params string[] args)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    public static (int ExitCode, string Output, string Error) Gso(string culture, params string[] args) =>
        Invoke(GsoCommandLine.Create(), culture, args);
}
