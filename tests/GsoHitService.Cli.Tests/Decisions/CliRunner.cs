using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests.Decisions;

/// <summary>Runs <c>gso</c> in process with captured output, under a chosen UI culture.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunInCulture("nl-NL", args);

    public static (int ExitCode, string Output, string Error) RunInCulture(string culture, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = GsoCommandLine.Create().Parse(args).InvokeLocalized(new InvocationConfiguration { Output = output, Error = error });
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
