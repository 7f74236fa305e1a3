using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>Fictitious IBANs with the bank code TEST or GSOB and check digits computed with mod-97.</summary>
public sealed class IbanTests
{
    [Theory]
    [InlineData("NL13TEST0123456789", "NL13TEST0123456789")]
    [InlineData("nl13 test 0123 4567 89", "NL13TEST0123456789")]
    [InlineData("NL13\u00A0TEST\u00A00123\u00A04567\u00A089", "NL13TEST0123456789")]
    [InlineData("NL68GSOB0000000001", "NL68GSOB0000000001")]
    [InlineData("BE53 1234 5678 9012", "BE53123456789012")]
    [InlineData("DE58 1234 5678 0123 4567 89", "DE58123456780123456789")]
    [InlineData("GB85TEST12345612345678", "GB85TEST12345612345678")]
    public void Normalize_ValidIban_IsUpperCaseWithoutSpaces(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.Iban, input, expected);
    }

    [Theory]
    [InlineData("", IdentifierRule.Empty)]
    [InlineData("NL13-TEST-0123-4567-89", IdentifierRule.InvalidCharacter)]
    [InlineData("NL13TEST012345678", IdentifierRule.WrongLength)]
    [InlineData("NL13TEST01234567890", IdentifierRule.WrongLength)]
    [InlineData("BE5312345678901", IdentifierRule.WrongLength)]
    [InlineData("XX13TEST0123456789", IdentifierRule.IbanCountryUnknown)]
    [InlineData("1313TEST0123456789", IdentifierRule.IbanFormat)]
    [InlineData("NLAATEST0123456789", IdentifierRule.IbanFormat)]
    [InlineData("NL13TES10123456789", IdentifierRule.IbanFormat)]
    [InlineData("NL13TEST012345678A", IdentifierRule.IbanFormat)]
    [InlineData("NL14TEST0123456789", IdentifierRule.IbanChecksum)]
    [InlineData("NL13TEST0123456798", IdentifierRule.IbanChecksum)]
    [InlineData("NL00TEST0000000079", IdentifierRule.IbanChecksum)]
    [InlineData("NL01TEST0000000061", IdentifierRule.IbanChecksum)]
    [InlineData("NL99TEST0000000043", IdentifierRule.IbanChecksum)]
    public void Normalize_InvalidIban_NamesRule(string input, IdentifierRule expected)
    {
        NormalizerAssert.Rejects(IdentifierType.Iban, input, expected);
    }

    [Theory]
    [InlineData("NL97TEST0000000079")]
    [InlineData("NL98TEST0000000061")]
    [InlineData("NL02TEST0000000043")]
    public void Normalize_CheckDigitsThatOnlyMod97Shares_AcceptsComputedOnes(string input)
    {
        // For these accounts 00, 01 and 99 pass the bare remainder test, but they are never issued.
        // The computed check digits 97, 98 and 02 give the valid IBANs.
        NormalizerAssert.Accepts(IdentifierType.Iban, input, input);
    }

    [Fact]
    public void Normalize_DutchAccountFailingOldElfproef_IsAccepted()
    {
        // The old bank-account elfproef over 0123456789 gives 10·0 + 9·1 + … + 1·9 = 165 = 15·11,
        // so it passes; 9876543210 gives 330 = 30·11 too. 0000000001 gives 1 and fails it.
        NormalizerAssert.Accepts(IdentifierType.Iban, "NL68GSOB0000000001", "NL68GSOB0000000001");
    }
}
