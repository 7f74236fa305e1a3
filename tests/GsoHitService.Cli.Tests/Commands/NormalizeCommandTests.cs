using System.CommandLine;
using System.Globalization;
using GsoHitService.Cli;
using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests.Commands;

/// <summary>
/// <c>gso normalize</c> through the real command tree, with output and error captured. Values are
/// fictitious: a BSN from the RvIG test range and made-up addresses, plates and names.
/// </summary>
public sealed class NormalizeCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(string culture, params string[] args)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
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
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [InlineData("bsn", "9999.90.019", "999990019")]
    [InlineData("BSN", "０１２３４５６７２", "012345672")]
    [InlineData("kenteken", "12-xzb-3", "12XZB3")]
    [InlineData("adres", "1234 ab;12;a;2", "1234AB;12;A;2")]
    [InlineData("naam-geboortedatum", "Meer, van der;19850307", "van der MEER;19850307")]
    [InlineData("iban", "nl13 test 0123 4567 89", "NL13TEST0123456789")]
    [InlineData("bag-id", "NL.IMBAG.Nummeraanduiding.0363200000123456", "0363200000123456")]
    public void Normalize_ValidValue_PrintsCanonicalForm(string type, string value, string expected)
    {
        var (exitCode, output, error) = Run("nl-NL", "normalize", "--type", type, value);

        Assert.Equal(0, exitCode);
        Assert.Equal(expected + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Fact]
    public void Normalize_InvalidValue_PrintsDutchMessage()
    {
        var (exitCode, output, error) = Run("nl-NL", "normalize", "--type", "bsn", "999990018");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal("BSN: de elfproef klopt niet, dus het nummer is ongeldig. Controleer de cijfers op een tikfout." + Environment.NewLine, error);
    }

    [Fact]
    public void Normalize_EnglishCulture_PrintsEnglishMessage()
    {
        var (exitCode, _, error) = Run("en-GB", "normalize", "--type", "naam-geboortedatum", "Jansen;03/07/1985");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Surname + birth date: the birth date is not in an agreed format.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_InvalidValue_NeverEchoesValue()
    {
        var (_, _, error) = Run("nl-NL", "normalize", "--type", "bsn", "999990018");

        Assert.DoesNotContain("999990018", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UnknownType_ListsValidTypes()
    {
        var (exitCode, output, error) = Run("nl-NL", "normalize", "--type", "paspoort", "X");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal(
            "Onbekend type 'paspoort'. Geldige typen: bsn, rsin, kvk, vestigingsnummer, bag-id, adres, kenteken, iban, naam-geboortedatum." + Environment.NewLine,
            error);
    }

    [Fact]
    public void Normalize_UnknownTypeUnderEnglishCulture_IsEnglish()
    {
        var (exitCode, _, error) = Run("en-US", "normalize", "--type", "paspoort", "X");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Unknown type 'paspoort'. Valid types: bsn, rsin,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_MissingType_IsUsageError()
    {
        var (exitCode, output, _) = Run("nl-NL", "normalize", "999990019");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("999990019" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Help_IsDutchAndDocumentsTextForms()
    {
        var (exitCode, output, _) = Run("nl-NL", "normalize", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("POSTCODE;HUISNUMMER[;HUISLETTER[;TOEVOEGING]]", output, StringComparison.Ordinal);
        Assert.Contains("ACHTERNAAM;GEBOORTEDATUM", output, StringComparison.Ordinal);
        Assert.Contains("Soort identificatiegegeven", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_HelpUnderEnglishCulture_IsEnglish()
    {
        var (_, output, _) = Run("en-GB", "normalize", "--help");

        Assert.Contains("Kind of identifier", output, StringComparison.Ordinal);
    }
}
