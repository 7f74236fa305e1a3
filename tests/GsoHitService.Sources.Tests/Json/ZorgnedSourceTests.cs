using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Json;

/// <summary>
/// The Zorgned NAW record of the social domain: one nested object, a BSN too short to be one, a
/// postcode with a space and a numeric huisnummer.
/// </summary>
public sealed class ZorgnedSourceTests
{
    private static readonly string NawPath = TestData.Path("mijn-amsterdam-mocks", "zorgned-av-persoonsgegevensNAW.json");

    [Fact]
    public async Task Load_ShortBsn_CountedWhileRowIndexed()
    {
        var load = await SourceLoad.RunAsync(Zorgned(Field("bsn", "persoon.bsn"), ZorgnedAddress(), ZorgnedName()));

        Assert.Equal(1, load.Report.RowsIndexed);
        Assert.Equal(1, load.RejectedIdentifiers("bsn:WrongLength"));
        Assert.DoesNotContain(load.Identifiers, identifier => identifier.Type == Matching.IdentifierType.Bsn);
    }

    [Fact]
    public async Task Load_ShortBsnAlone_RejectsRowWithReason()
    {
        var load = await SourceLoad.RunAsync(Zorgned(Field("bsn", "persoon.bsn")));

        Assert.Equal(1, load.RejectedRows("bsn:WrongLength"));
    }

    [Fact]
    public async Task Load_SpacedPostcode_MatchesQuerySide()
    {
        var load = await SourceLoad.RunAsync(Zorgned(ZorgnedAddress()));

        Assert.Equal([Ids.Address("1011AA", "77")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_NameUsageE_IndexesOwnNameOnly()
    {
        var load = await SourceLoad.RunAsync(Zorgned(ZorgnedName()));

        Assert.Equal([Ids.Name("Geboortenaam", "2023-06-12")], load.Records.Single().Identifiers);
    }

    private static SourceOptions Zorgned(params IdentifierMappingOptions[] mappings)
    {
        var options = JsonSource(NawPath, null, mappings);
        options.Name = "sociaal-domein-zorgned";
        return options;
    }

    private static IdentifierMappingOptions ZorgnedAddress() =>
        Address("inschrijfadres.postcode", "inschrijfadres.huisnummer", "inschrijfadres.huisletter", "inschrijfadres.huisnummerToevoeging");

    private static IdentifierMappingOptions ZorgnedName() => new()
    {
        Type = "naam-geboortedatum",
        Name = new NameFieldsOptions
        {
            Prefix = "persoon.voorvoegsel",
            Surname = "persoon.geboortenaam",
            BirthDate = "persoon.geboortedatum",
            NameUsage = "persoon.aanduidingNaamgebruik.code",
            PartnerPrefix = "persoon.partnervoorvoegsel",
            PartnerSurname = "persoon.partnernaam",
        },
    };
}
