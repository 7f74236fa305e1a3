using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

public sealed class SurnameTests
{
    private static CanonicalIdentifier FromParts(string? prefix, string surname, string birthDate = "19850307") =>
        IdentifierNormalizer.TryNormalizeSurnameBirthDate(new SurnameBirthDateInput(prefix, surname, birthDate), null, out var identifier, out var error)
            ? identifier
            : throw new IdentifierValidationException(error);

    [Fact]
    public void Normalize_SurnameWithPrefix_HasThreeFields()
    {
        var identifier = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "van der Meer;1985-03-07");

        Assert.Equal(["van der", "MEER", "19850307"], identifier.Fields);
        Assert.Equal("van der MEER;19850307", identifier.Value);
    }

    [Theory]
    [InlineData("van der Meer;19850307")]
    [InlineData("Van Der Meer;19850307")]
    [InlineData("VAN DER MEER;19850307")]
    [InlineData("van  der   Meer;19850307")]
    [InlineData("Meer, van der;19850307")]
    [InlineData("Meer,van der;19850307")]
    [InlineData("v.d. Meer;19850307")]
    [InlineData("V.D. Meer;19850307")]
    [InlineData("v. d. Meer;19850307")]
    [InlineData("v.d.Meer;19850307")]
    [InlineData("v.d Meer;19850307")]
    [InlineData("vd Meer;19850307")]
    [InlineData("vd. Meer;19850307")]
    [InlineData("v/d Meer;19850307")]
    [InlineData("Meer, v.d.;19850307")]
    [InlineData("Meer, vd;19850307")]
    public void Normalize_PrefixSpellings_GiveOneKey(string input)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, input, "van der MEER;19850307");
    }

    [Theory]
    [InlineData("v. Dijk;19850307", "van DIJK;19850307")]
    [InlineData("v.Dijk;19850307", "van DIJK;19850307")]
    [InlineData("Dijk, v.;19850307", "van DIJK;19850307")]
    [InlineData("Vdovin;19850307", "VDOVIN;19850307")]
    [InlineData("Jansen;19850307", "JANSEN;19850307")]
    [InlineData("van Van;19850307", "van VAN;19850307")]
    [InlineData("van De;19850307", "van DE;19850307")]
    [InlineData("Van;19850307", "VAN;19850307")]
    [InlineData("van der;19850307", "van DER;19850307")]
    [InlineData("van den Berg;19850307", "van den BERG;19850307")]
    [InlineData("van de Berg;19850307", "van de BERG;19850307")]
    [InlineData("van derksen;19850307", "van DERKSEN;19850307")]
    [InlineData("uijt te de Wiel;19850307", "uijt te de WIEL;19850307")]
    [InlineData("voor in 't Holt;19850307", "voor in 't HOLT;19850307")]
    public void Normalize_PrefixTable_SplitsLongestMatch(string input, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, input, expected);
    }

    [Theory]
    [InlineData("van 't Hof")]
    [InlineData("van \u2019t Hof")]
    [InlineData("van \u2018t Hof")]
    [InlineData("van `t Hof")]
    [InlineData("van \u00B4t Hof")]
    [InlineData("Hof, van 't")]
    public void Normalize_ApostropheVariants_GiveOneKey(string surname)
    {
        Assert.Equal(FromParts("van 't", "Hof"), FromParts(null, surname));
    }

    [Theory]
    [InlineData(null, "d'Ancona")]
    [InlineData(null, "d' Ancona")]
    [InlineData(null, "D\u2019Ancona")]
    [InlineData("d'", "Ancona")]
    public void Normalize_PrefixEndingInApostrophe_MayJoinName(string? prefix, string surname)
    {
        var identifier = FromParts(prefix, surname);

        Assert.Equal(["d'", "ANCONA", "19850307"], identifier.Fields);
    }

    [Theory]
    [InlineData(null, "'s-Gravesande")]
    [InlineData(null, "'s Gravesande")]
    [InlineData("'S", "Gravesande")]
    public void Normalize_ApostropheSPrefix_MayTakeDash(string? prefix, string surname)
    {
        var identifier = FromParts(prefix, surname);

        Assert.Equal(["'s", "GRAVESANDE", "19850307"], identifier.Fields);
    }

    [Theory]
    [InlineData("van der", "Meer")]
    [InlineData("Van Der", "Meer")]
    [InlineData("v.d.", "Meer")]
    [InlineData("", "van der Meer")]
    [InlineData(null, "Meer, van der")]
    [InlineData("van", "der Meer")]
    public void NormalizeSurnameBirthDate_SeparateAndJoinedPrefix_GiveOneKey(string? prefix, string surname)
    {
        Assert.Equal(FromParts("van der", "Meer"), FromParts(prefix, surname));
    }

    [Fact]
    public void Normalize_DeSmet_EqualsPrefixForm()
    {
        // A BRP geslachtsnaam "De Smet" without voorvoegsel and "de" + "Smet" are one name for matching.
        Assert.Equal(FromParts("de", "Smet"), FromParts(null, "De Smet"));
    }

    [Fact]
    public void Normalize_UnlistedPrefix_StaysInName()
    {
        var joined = FromParts(null, "dev Xander");
        var separate = FromParts("dev", "Xander");

        Assert.Equal(["", "DEV XANDER", "19850307"], joined.Fields);
        Assert.Equal(joined, separate);
    }

    [Theory]
    [InlineData("IJzerman")]
    [InlineData("Ijzerman")]
    [InlineData("IJZERMAN")]
    [InlineData("ijzerman")]
    [InlineData("\u0132zerman")]
    [InlineData("\u0133zerman")]
    public void Normalize_IjSpellings_GiveOneName(string surname)
    {
        Assert.Equal(["", "IJZERMAN", "19850307"], FromParts(null, surname).Fields);
    }

    [Fact]
    public void Normalize_YAndIj_AreDifferentNames()
    {
        Assert.NotEqual(FromParts(null, "IJzerman"), FromParts(null, "Yzerman"));
    }

    [Theory]
    [InlineData("M\u00FCller", "MULLER")]
    [InlineData("Mu\u0308ller", "MULLER")]
    [InlineData("Zo\u00EB", "ZOE")]
    [InlineData("Zoe\u0308", "ZOE")]
    [InlineData("Çelik", "CELIK")]
    [InlineData("Møller", "MOLLER")]
    [InlineData("MØLLER", "MOLLER")]
    [InlineData("Ærø", "AERO")]
    [InlineData("Cœur", "COEUR")]
    [InlineData("Œuvray", "OEUVRAY")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("STRAẞE", "STRASSE")]
    [InlineData("Wałęsa", "WALESA")]
    [InlineData("ŁUKASIEWICZ", "LUKASIEWICZ")]
    [InlineData("Đorđević", "DORDEVIC")]
    [InlineData("Guðmundsdóttir", "GUDMUNDSDOTTIR")]
    [InlineData("ÐAVID", "DAVID")]
    [InlineData("Þórsson", "THORSSON")]
    [InlineData("þorsteinsson", "THORSTEINSSON")]
    [InlineData("Yılmaz", "YILMAZ")]
    [InlineData("İnce", "INCE")]
    public void Normalize_Diacritics_AreFolded(string surname, string expected)
    {
        Assert.Equal(expected, FromParts(null, surname).Fields[1]);
    }

    [Theory]
    [InlineData("de Vries-Jansen")]
    [InlineData("de Vries - Jansen")]
    [InlineData("de Vries\u2013Jansen")]
    [InlineData("de Vries\u2011Jansen")]
    [InlineData("de Vries\u2010Jansen")]
    [InlineData("de\u00A0Vries-Jansen")]
    [InlineData("de\tVries-Jansen ")]
    public void Normalize_DashAndSpaceVariants_GiveOneName(string surname)
    {
        Assert.Equal(["de", "VRIES-JANSEN", "19850307"], FromParts(null, surname).Fields);
    }

    [Theory]
    [InlineData(";19850307", IdentifierRule.SurnameMissing)]
    [InlineData(" ;19850307", IdentifierRule.SurnameMissing)]
    [InlineData(".;19850307", IdentifierRule.UnknownSurname)]
    [InlineData(" . ;19850307", IdentifierRule.UnknownSurname)]
    [InlineData("van der .;19850307", IdentifierRule.UnknownSurname)]
    [InlineData("Meer, xyz;19850307", IdentifierRule.UnknownPrefix)]
    [InlineData("Meer,;19850307", IdentifierRule.UnknownPrefix)]
    [InlineData("Meer, van, der;19850307", IdentifierRule.UnknownPrefix)]
    [InlineData("Meer2;19850307", IdentifierRule.InvalidCharacter)]
    [InlineData("Meer.;19850307", IdentifierRule.InvalidCharacter)]
    [InlineData("-Meer;19850307", IdentifierRule.InvalidCharacter)]
    [InlineData("Παπαδόπουλος;19850307", IdentifierRule.InvalidCharacter)]
    [InlineData("Jansen", IdentifierRule.TextFormInvalid)]
    [InlineData("Jansen;19850307;x", IdentifierRule.TextFormInvalid)]
    public void Normalize_InvalidSurname_NamesRule(string input, IdentifierRule expected)
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, input, expected);
    }

    [Fact]
    public void Normalize_DotAfterPrefix_IsUnknownSurname()
    {
        var valid = IdentifierNormalizer.TryNormalizeSurnameBirthDate(new SurnameBirthDateInput("van", ".", "19850307"), null, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.UnknownSurname, error.Rule);
    }

    [Fact]
    public void Normalize_CommaWithPrefixField_IsInvalid()
    {
        var valid = IdentifierNormalizer.TryNormalizeSurnameBirthDate(new SurnameBirthDateInput("van", "Meer, der", "19850307"), null, out _, out var error);

        Assert.False(valid);
        Assert.Equal(IdentifierRule.InvalidCharacter, error.Rule);
    }

    [Fact]
    public void Normalize_NameOfTwoHundredLetters_IsAccepted()
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, new string('a', 200) + ";19850307", new string('A', 200) + ";19850307");
    }

    [Fact]
    public void Normalize_Name201Letters_IsWrongLength()
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, new string('a', 201) + ";19850307", IdentifierRule.WrongLength);
    }

    [Fact]
    public void Normalize_Folded201Letters_IsWrongLength()
    {
        // ß folds to SS, so 199 letters and one ß make 201 characters.
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, new string('a', 199) + "ß;19850307", IdentifierRule.WrongLength);
    }
}
