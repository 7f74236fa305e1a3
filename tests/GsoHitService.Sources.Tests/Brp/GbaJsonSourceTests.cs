using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Brp;

/// <summary>The GBA-style personen JSON of the BRP API mock (1,176 RvIG test persons).</summary>
public sealed class GbaJsonSourceTests
{
    [Fact]
    public async Task Load_Personen_IndexesEveryPerson()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        Assert.Equal(1176, load.Report.RowsRead);
        Assert.Equal(1176, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_AanduidingBijHuisnummer_SkipsAddressKeys()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        Assert.Equal(4, load.RejectedIdentifiers("adres:LocationDesignation"));
        Assert.Equal(1, load.RejectedIdentifiers("bag-id:LocationDesignation"));
        var tegenover = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999990482")));
        Assert.DoesNotContain(tegenover.Identifiers, identifier => identifier.Type is Matching.IdentifierType.Address or Matching.IdentifierType.BagObjectId);
    }

    [Fact]
    public async Task Load_UnknownGeslachtsnaam_GivesNoNameKey()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        Assert.Equal(2, load.RejectedIdentifiers("naam-geboortedatum:UnknownSurname"));
        var unknown = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999993288")));
        Assert.DoesNotContain(unknown.Identifiers, identifier => identifier.Type == Matching.IdentifierType.SurnameBirthDate);
    }

    [Fact]
    public async Task Load_PartialBirthDate_KeepsItsPrecision()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999970598")));
        var name = record.Identifiers.Single(identifier => identifier.Type == Matching.IdentifierType.SurnameBirthDate);
        Assert.Equal(Ids.Name("Amina Hassan Mohammed", "19780600"), name);
        Assert.Equal("19780600", name.Fields[2]);
    }

    [Fact]
    public async Task Load_MissingBirthDate_IsCounted()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        Assert.Equal(1, load.RejectedIdentifiers("naam-geboortedatum:BirthDateMissing"));
    }

    [Fact]
    public async Task Load_SyntheticDigidNames_AreRejectedNotHashed()
    {
        // The test set contains accounts named like "Digid 1 100600116 geslachtsnaam"; digits are no part of a name.
        var load = await SourceLoad.RunAsync(BrpSources.GbaJson());

        var digid = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("100600116")));
        Assert.DoesNotContain(digid.Identifiers, identifier => identifier.Type == Matching.IdentifierType.SurnameBirthDate);
        Assert.True(load.RejectedIdentifiers("naam-geboortedatum:InvalidCharacter") > 0);
    }

    [Fact]
    public async Task Load_DeceasedExcluded_CountsThemNotRelevant()
    {
        var options = BrpSources.GbaJson();
        options.Relevance = [Condition("opschortingBijhouding.reden.code", ConditionOperator.NotEqual, "O")];

        var load = await SourceLoad.RunAsync(options);

        Assert.Equal(40, load.RejectedRows("not-relevant"));
        Assert.Equal(1136, load.Report.RowsIndexed);
    }
}
