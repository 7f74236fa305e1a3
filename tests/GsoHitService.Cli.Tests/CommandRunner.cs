using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests;

/// <summary>Runs a <c>gso</c> command in-process with captured output under a chosen UI culture.</summary>
internal static class CommandRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string culture, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = await GsoCommandLine.Create()
                .Parse(args)
                .InvokeLocalizedAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
