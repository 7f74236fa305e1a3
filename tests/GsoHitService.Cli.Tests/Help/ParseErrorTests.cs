using GsoHitService.Cli.Tests.Commands;

namespace GsoHitService.Cli.Tests.Help;

/// <summary>
/// Parse errors through the real command tree: each names what is wrong in the UI culture's
/// language, points to the command's help, and exits with the usage-error code.
/// </summary>
public sealed class ParseErrorTests
{
    private static readonly string NewLine = Environment.NewLine;

    [Fact]
    public void UnknownCommand_DutchCulture_NamesToken()
    {
        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "bogus");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Equal("Onbekende opdracht 'bogus' voor 'gso'." + NewLine + "Gebruik 'gso --help' voor hulp." + NewLine, error);
    }

    [Fact]
    public void UnknownCommand_EnglishCulture_IsEnglish()
    {
        var (exitCode, _, error) = CommandRun.Gso("en-GB", "bogus");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("Unknown command 'bogus' for 'gso'." + NewLine + "Use 'gso --help' for help." + NewLine, error);
    }

    [Theory]
    [InlineData("nomralize", "normalize")]
    [InlineData("stauts", "status")]
    [InlineData("pc", "pc1")]
    public void MistypedCommand_SuggestsClosestCommand(string typed, string suggested)
    {
        var (_, _, error) = CommandRun.Gso("nl-NL", typed);

        Assert.StartsWith($"Onbekende opdracht '{typed}' voor 'gso'. Bedoelde u '{suggested}'?" + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedSubcommand_SuggestsSibling()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "decision", "sing", "besluit.json");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Onbekende opdracht 'sing' voor 'gso decision'. Bedoelde u 'sign'?" + NewLine, error, StringComparison.Ordinal);
        Assert.EndsWith("Gebruik 'gso decision --help' voor hulp." + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommand_ListsCommands()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Opdracht ontbreekt na 'gso'. Kies een van: audit, pki, normalize,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSubcommand_ListsSubcommands()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "pki");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("Opdracht ontbreekt na 'gso pki'. Kies een van: dev-ca." + NewLine + "Gebruik 'gso pki --help' voor hulp." + NewLine, error);
    }

    [Fact]
    public void MissingArgument_DutchCulture_NamesArgument()
    {
        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "normalize", "--type", "bsn");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Equal("Verplicht argument <WAARDE> ontbreekt voor 'gso normalize'." + NewLine + "Gebruik 'gso normalize --help' voor hulp." + NewLine, error);
    }

    [Fact]
    public void MissingArgument_EnglishCulture_IsEnglish()
    {
        var (_, _, error) = CommandRun.Gso("en-US", "normalize", "--type", "bsn");

        Assert.Equal("Required argument <VALUE> is missing for 'gso normalize'." + NewLine + "Use 'gso normalize --help' for help." + NewLine, error);
    }

    [Fact]
    public void MissingOption_DoesNotEchoValue()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "normalize", "999990019");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Verplichte optie --type ontbreekt voor 'gso normalize'." + NewLine, error, StringComparison.Ordinal);
        Assert.DoesNotContain("999990019", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOptionValue_ShowsPlaceholder()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Waarde ontbreekt na optie --out. Geef de waarde direct na de optie, bijvoorbeeld: --out <BESTAND>" + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidNumber_NamesValueOptionAndExpectedKind()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "status", "--timeout", "abc");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Ongeldige waarde 'abc' voor optie --timeout: verwacht een geheel getal." + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidNumber_EnglishCulture_IsEnglish()
    {
        var (_, _, error) = CommandRun.Gso("en-GB", "status", "--timeout", "abc");

        Assert.StartsWith("Invalid value 'abc' for option --timeout: expected a whole number." + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionGivenTwice_SaysOneValueExpected()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "status", "--timeout", "1", "--timeout", "2");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Optie --timeout verwacht één waarde, maar kreeg er 2. Geef de optie één keer op." + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_SuggestsClosestOption()
    {
        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out", "x.key", "--epcoh", "2027-01");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("Onbekende optie '--epcoh' voor 'gso keys new'. Bedoelde u '--epoch'?" + NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraArgument_SuggestsQuotes()
    {
        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "normalize", "--type", "kenteken", "12", "XZB", "3");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith(
            "Onverwacht argument 'XZB' voor 'gso normalize'. Staan er spaties in een waarde, zet die waarde dan tussen aanhalingstekens." + NewLine,
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ParseError_WritesNothingInEnglish()
    {
        var (_, _, error) = CommandRun.Gso("nl-NL", "normalize", "--type");

        Assert.DoesNotContain("Required", error, StringComparison.Ordinal);
        Assert.Contains("Waarde ontbreekt na optie --type.", error, StringComparison.Ordinal);
        Assert.Contains("Verplicht argument <WAARDE> ontbreekt voor 'gso normalize'.", error, StringComparison.Ordinal);
    }
}
