using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using GsoHitService.Cli;
using GsoHitService.Cli.Help;

namespace GsoHitService.EndToEnd.Tests.Demo;

/// <summary><c>gso demo</c> through the command-line entry point, as a user runs it.</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_Command_SucceedsInDutchAndCleansUp()
    {
        var (exitCode, output, error) = await RunAsync("nl-NL", "demo");

        Assert.True(exitCode == 0, $"gso demo exited with {exitCode}.\nstdout:\n{output}\nstderr:\n{error}");
        Assert.Equal("", error);
        Assert.Contains("4 agents en de coördinator gestart op 127.0.0.1", output, StringComparison.Ordinal);
        Assert.Contains("Wachten tot elke agent zijn index heeft geladen:", output, StringComparison.Ordinal);
        Assert.Contains("Besluit privacycheck 1 voorbereid", output, StringComparison.Ordinal);
        Assert.Contains("Betrokkene", output, StringComparison.Ordinal);
        Assert.Contains("geen hit", output, StringComparison.Ordinal);
        Assert.Contains("Legenda:", output, StringComparison.Ordinal);
        Assert.Contains("De hitmatrix klopt met het scenario", output, StringComparison.Ordinal);
        Assert.Contains("Besluit privacycheck 2 voorbereid", output, StringComparison.Ordinal);
        Assert.Contains("Hashketens van de auditlogs gecontroleerd", output, StringComparison.Ordinal);
        Assert.Contains("Alles is gestopt en de tijdelijke map is verwijderd.", output, StringComparison.Ordinal);
        Assert.Contains("Demo geslaagd in", output, StringComparison.Ordinal);

        var folder = FolderLine().Match(output);
        Assert.True(folder.Success, "The output does not name the temporary folder.");
        Assert.False(Directory.Exists(folder.Groups["path"].Value), "The temporary folder is still there.");
    }

    [Fact]
    public async Task Demo_Help_DescribesOptions()
    {
        var (exitCode, output, _) = await RunAsync("nl-NL", "demo", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--keep", output, StringComparison.Ordinal);
        Assert.Contains("--verbose", output, StringComparison.Ordinal);
        Assert.Contains("Bewaar de tijdelijke map", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string culture, params string[] args)
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

    [GeneratedRegex(@"^1\. Tijdelijke map aangemaakt: (?<path>.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex FolderLine();
}
