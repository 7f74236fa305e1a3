using System.CommandLine;
using System.Text.RegularExpressions;
using GsoHitService.Cli.Tests.Commands;

namespace GsoHitService.Cli.Tests.Help;

/// <summary>
/// <c>gso --help</c> through the real command tree: the parts that System.CommandLine would write
/// in English (headings, help and version option texts, labels) follow the UI culture.
/// </summary>
public sealed partial class HelpTextTests
{
    private static readonly string[] EnglishHeadings = ["Description:", "Usage:", "Arguments:", "Options:", "Commands:"];

    [Fact]
    public void RootHelp_DutchCulture_IsDutch()
    {
        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.StartsWith("Beschrijving:" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "Gebruik:" + Environment.NewLine + "  gso [opdracht] [opties]" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "Opties:" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "Opdrachten:" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("  -?, -h, --help  Toont hulp en gebruiksinformatie.", output, StringComparison.Ordinal);
        Assert.Contains("  --version       Toont de versie van gso.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void RootHelp_EnglishCulture_IsEnglish(string culture)
    {
        var (exitCode, output, _) = CommandRun.Gso(culture, "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Description:" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("  gso [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("  -?, -h, --help  Shows help and usage information.", output, StringComparison.Ordinal);
        Assert.Contains("  --version       Shows the version of gso.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebruik:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelp_GermanCulture_FallsBackToDutch()
    {
        // System.CommandLine ships a German translation; gso's own texts fall back to Dutch, and the
        // help must not mix the two.
        var (_, output, _) = CommandRun.Gso("de-DE", "--help");

        Assert.Contains("Gebruik:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwendung", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Optionen", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandHelp_DutchCulture_ShowsArguments()
    {
        var (exitCode, output, _) = CommandRun.Gso("nl-NL", "normalize", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Gebruik:" + Environment.NewLine + "  gso normalize <WAARDE> [opties]" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("Argumenten:" + Environment.NewLine + "  <WAARDE>  De waarde,", output, StringComparison.Ordinal);
        Assert.Contains("  --type <SOORT> (VERPLICHT)  Soort identificatiegegeven:", output, StringComparison.Ordinal);
        Assert.Contains("  -?, -h, --help              Toont hulp en gebruiksinformatie.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandHelp_EnglishCulture_IsEnglish()
    {
        var (_, output, _) = CommandRun.Gso("en-GB", "normalize", "--help");

        Assert.Contains("  --type <TYPE> (REQUIRED)  Kind of identifier:", output, StringComparison.Ordinal);
        Assert.Contains("Arguments:", output, StringComparison.Ordinal);
        Assert.Contains("  gso normalize <VALUE> [options]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-NL", "  --epoch <PERIODE>")]
    [InlineData("en-GB", "  --epoch <EPOCH>")]
    public void CommandHelp_Placeholder_FollowsCulture(string culture, string expected)
    {
        var (_, output, _) = CommandRun.Gso(culture, "keys", "new", "--help");

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandHelp_DefaultValue_UsesDutchLabel()
    {
        var (_, output, _) = CommandRun.Gso("nl-NL", "pki", "dev-ca", "--help");

        Assert.Contains("[standaard: brp]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandHelp_HelpGivenTwice_StillShowsHelp()
    {
        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "keys", "new", "-h");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("  --out <BESTAND> (VERPLICHT)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommandHelp_HasNoEnglishHeadings()
    {
        var paths = CommandPaths(GsoCommandLine.Create(), []).ToList();
        Assert.True(paths.Count > 20, $"Expected the whole command tree, found {paths.Count} commands.");

        foreach (var path in paths)
        {
            var (exitCode, output, error) = CommandRun.Gso("nl-NL", [.. path, "--help"]);

            var commandLine = string.Join(' ', path);
            Assert.True(exitCode == ExitCodes.Success, $"gso {commandLine} --help exited with {exitCode}: {error}");
            Assert.Contains("Gebruik:" + Environment.NewLine + "  gso ", output, StringComparison.Ordinal);
            foreach (var heading in EnglishHeadings)
            {
                Assert.False(output.Contains(heading, StringComparison.Ordinal), $"gso {commandLine} --help contains '{heading}'.");
            }

            Assert.False(output.Contains("Show help", StringComparison.Ordinal), $"gso {commandLine} --help has the English help option text.");
        }
    }

    [Fact]
    public void EveryCommandHelp_HasDutchUpperCasePlaceholders()
    {
        // A placeholder without a help name falls back to the symbol's own name, such as <titel>
        // or <VALUE>; every option and argument sets a Dutch help name instead.
        string[] englishPlaceholders = ["<VALUE>", "<FILE>", "<TYPE>", "<FOLDER>", "<NAME>", "<DATE>"];
        foreach (var path in CommandPaths(GsoCommandLine.Create(), []))
        {
            var (_, output, _) = CommandRun.Gso("nl-NL", [.. path, "--help"]);

            var commandLine = string.Join(' ', path);
            var lowerCase = LowerCasePlaceholder().Match(output);
            Assert.False(lowerCase.Success, $"gso {commandLine} --help has the lower-case placeholder {lowerCase.Value}.");
            foreach (var placeholder in englishPlaceholders)
            {
                Assert.False(output.Contains(placeholder, StringComparison.Ordinal), $"gso {commandLine} --help has the English placeholder {placeholder}.");
            }
        }
    }

    [GeneratedRegex("<[a-z][a-z-]*>")]
    private static partial Regex LowerCasePlaceholder();

    private static IEnumerable<string[]> CommandPaths(Command command, string[] path)
    {
        yield return path;
        foreach (var subcommand in command.Subcommands)
        {
            foreach (var subpath in CommandPaths(subcommand, [.. path, subcommand.Name]))
            {
                yield return subpath;
            }
        }
    }
}
