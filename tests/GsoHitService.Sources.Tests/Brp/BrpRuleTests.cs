using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;

namespace GsoHitService.Sources.Tests.Brp;

/// <summary>
/// The BRP's name, date and address rules, each on a person written for the test in the GBA-style
/// personen JSON, so that one rule is checked at a time.
/// </summary>
public sealed class BrpRuleTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_UnknownBirthDate_GivesNoNameKey()
    {
        var load = await LoadPersonAsync("""{ "burgerservicenummer": "012345672", "naam": { "geslachtsnaam": "Jansen" }, "geboorte": { "datum": "00000000" } }""");

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
        Assert.Equal(1, load.RejectedIdentifiers("naam-geboortedatum:UnknownBirthDate"));
    }

    [Theory]
    [InlineData("19780300")]
    [InlineData("19600000")]
    public async Task Load_PartialBirthDate_IsNeverCompleted(string birthDate)
    {
        var load = await LoadPersonAsync($$"""{ "burgerservicenummer": "012345672", "naam": { "geslachtsnaam": "Jansen" }, "geboorte": { "datum": "{{birthDate}}" } }""");

        var name = load.Records.Single().Identifiers.Single(identifier => identifier.Type == IdentifierType.SurnameBirthDate);
        Assert.Equal(birthDate, name.Fields[2]);
    }

    [Fact]
    public async Task Load_UnknownSurname_GivesNoNameKey()
    {
        var load = await LoadPersonAsync(
            """
            { "burgerservicenummer": "012345672", "naam": { "geslachtsnaam": ".", "aanduidingNaamgebruik": { "code": "V" } },
              "geboorte": { "datum": "19850307" }, "partners": [ { "naam": { "geslachtsnaam": "Vries", "voorvoegsel": "de" } } ] }
            """);

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
        Assert.Equal(1, load.RejectedIdentifiers("naam-geboortedatum:UnknownSurname"));
    }

    [Theory]
    [InlineData("N", "Jansen-de Vries")]
    [InlineData("V", "de Vries-Jansen")]
    [InlineData("P", "de Vries")]
    public async Task Load_NameUsage_IndexesUsedNameBesideOwnName(string code, string usedName)
    {
        var load = await LoadPersonAsync(
            $$"""
            { "burgerservicenummer": "012345672", "naam": { "geslachtsnaam": "Jansen", "aanduidingNaamgebruik": { "code": "{{code}}" } },
              "geboorte": { "datum": "19850307" }, "partners": [ { "naam": { "geslachtsnaam": "Vries", "voorvoegsel": "de" } } ] }
            """);

        Assert.Equal(
            [Ids.Bsn("012345672"), Ids.Name("Jansen", "19850307"), Ids.Name(usedName, "19850307")],
            load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_NameUsageE_IndexesOwnNameOnly()
    {
        var load = await LoadPersonAsync(
            """
            { "burgerservicenummer": "012345672", "naam": { "geslachtsnaam": "Jansen", "aanduidingNaamgebruik": { "code": "E" } },
              "geboorte": { "datum": "19850307" }, "partners": [ { "naam": { "geslachtsnaam": "Vries", "voorvoegsel": "de" } } ] }
            """);

        Assert.Equal([Ids.Bsn("012345672"), Ids.Name("Jansen", "19850307")], load.Records.Single().Identifiers);
    }

    [Theory]
    [InlineData("to")]
    [InlineData("by")]
    public async Task Load_AanduidingBijHuisnummer_DoesNotMatchAddress(string designation)
    {
        var load = await LoadPersonAsync(
            $$"""
            { "burgerservicenummer": "012345672",
              "verblijfplaats": { "postcode": "1234AB", "huisnummer": "12", "aanduidingBijHuisnummer": { "code": "{{designation}}" },
                                  "nummeraanduidingIdentificatie": "0363200000537299", "adresseerbaarObjectIdentificatie": "0363010001166707" } }
            """);

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
        Assert.Equal(1, load.RejectedIdentifiers("adres:LocationDesignation"));
        Assert.Equal(1, load.RejectedIdentifiers("bag-id:LocationDesignation"));
    }

    [Fact]
    public async Task Load_LetterAndAddition_MatchQuerySide()
    {
        var load = await LoadPersonAsync(
            """
            { "burgerservicenummer": "012345672",
              "verblijfplaats": { "postcode": "1234ab", "huisnummer": "12", "huisletter": "a", "huisnummertoevoeging": "2" } }
            """);

        Assert.Contains(Ids.Address("1234AB", "12", "A", "2"), load.Records.Single().Identifiers);
    }

    private async Task<LoadResult> LoadPersonAsync(string person)
    {
        var path = _folder.WriteFile("personen.json", $"[{person}]");
        return await SourceLoad.RunAsync(new SourceOptions { Name = "brp-rules", Kind = SourceKind.BrpGbaJson, Path = path });
    }
}
