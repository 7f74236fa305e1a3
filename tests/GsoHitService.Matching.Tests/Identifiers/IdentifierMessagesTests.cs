using System.Globalization;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

public sealed class IdentifierMessagesTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<IdentifierRule> AllRules => [.. Enum.GetValues<IdentifierRule>()];

    public static TheoryData<IdentifierType> AllTypes => [.. IdentifierTypes.All];

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Describe_EveryRule_HasDutchAndEnglishText(IdentifierRule rule)
    {
        foreach (var type in IdentifierTypes.All)
        {
            var error = new IdentifierError(type, rule);

            var dutch = IdentifierMessages.Describe(error, Dutch);
            var english = IdentifierMessages.Describe(error, English);

            Assert.NotEqual(dutch, english);
            Assert.StartsWith(IdentifierMessages.GetTypeName(type, Dutch) + ":", dutch, StringComparison.Ordinal);
            Assert.StartsWith(IdentifierMessages.GetTypeName(type, English) + ":", english, StringComparison.Ordinal);
            Assert.DoesNotContain("{", dutch, StringComparison.Ordinal);
            Assert.DoesNotContain("{", english, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Describe_EveryRule_HasOwnText(IdentifierRule rule)
    {
        var error = new IdentifierError(IdentifierType.Bsn, rule);
        var others = Enum.GetValues<IdentifierRule>().Where(other => other != rule);

        var text = IdentifierMessages.Describe(error, Dutch);

        Assert.All(others, other => Assert.NotEqual(IdentifierMessages.Describe(new IdentifierError(IdentifierType.Bsn, other), Dutch), text));
    }

    [Fact]
    public void Describe_Elfproef_IsDutchByDefaultUiCulture()
    {
        using var culture = new CultureScope("nl-NL");

        var text = IdentifierMessages.Describe(new IdentifierError(IdentifierType.Bsn, IdentifierRule.Elfproef));

        Assert.Equal("BSN: de elfproef klopt niet, dus het nummer is ongeldig. Controleer de cijfers op een tikfout.", text);
    }

    [Fact]
    public void Describe_InvariantCulture_FallsBackToDutch()
    {
        var text = IdentifierMessages.Describe(new IdentifierError(IdentifierType.Iban, IdentifierRule.IbanChecksum), CultureInfo.InvariantCulture);

        Assert.StartsWith("IBAN: de controle (modulo 97) klopt niet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_English_NamesRuleAndAction()
    {
        var text = IdentifierMessages.Describe(new IdentifierError(IdentifierType.LicencePlate, IdentifierRule.UnknownSidecode), English);

        Assert.Equal(
            "Kenteken (licence plate): the letters and digits fit none of the Dutch plate series (sidecodes 1 to 14). Foreign and special plates are not supported. Check the plate.",
            text);
    }

    [Fact]
    public void Describe_FailureOfRealValue_NeverContainsIt()
    {
        IdentifierNormalizer.TryNormalize(IdentifierType.Bsn, "999990018", null, out _, out var error);

        var text = IdentifierMessages.Describe(error, Dutch);

        Assert.DoesNotContain("999990018", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationException_Message_OmitsValue()
    {
        var exception = Assert.Throws<IdentifierValidationException>(() => IdentifierNormalizer.Normalize(IdentifierType.Bsn, "999990018"));

        Assert.Equal(IdentifierRule.Elfproef, exception.Rule);
        Assert.Contains("bsn", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Elfproef", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("999990018", exception.Message, StringComparison.Ordinal);
    }
}
