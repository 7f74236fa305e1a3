using GsoHitService.Sources.Tests.Infrastructure;

namespace GsoHitService.Sources.Tests.Brp;

/// <summary>
/// The RvIG GBA-V test set: UTF-8 with byte order mark, <c>;</c>, one column per GBA element, and
/// continuation rows that carry the history of the persoonslijst above them.
/// </summary>
public sealed class GbaVSourceTests
{
    [Fact]
    public async Task Load_TestSet_CountsPersoonslijstenNotRows()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaV());

        Assert.Equal(687, load.Report.RowsRead);
    }

    [Fact]
    public async Task Load_FirstPersoonslijst_IndexesCurrentDataOnly()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaV());

        var record = load.Records[0];
        Assert.Contains(Ids.Bsn("999993653"), record.Identifiers);
        Assert.Contains(Ids.Name("Moulin", "19851201"), record.Identifiers);
        Assert.Contains(Ids.Address("3077AW", "31"), record.Identifiers);
        Assert.Contains(Ids.Bag("0599200000219678"), record.Identifiers);
        Assert.DoesNotContain(Ids.Address("3074SN", "7"), load.Identifiers);
    }

    [Fact]
    public async Task Load_NameUsageV_MatchesHaalCentraalKeys()
    {
        var gbaV = await SourceLoad.RunAsync(BrpSources.GbaV());
        var haalCentraal = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        var fromCsv = gbaV.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999993112"))).Identifiers;
        var fromApi = haalCentraal.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999993112"))).Identifiers;
        Assert.Contains(Ids.Name("den Braber-van Zon", "19700407"), fromCsv);
        Assert.Equal(
            fromApi.Where(identifier => identifier.Type == Matching.IdentifierType.SurnameBirthDate),
            fromCsv.Where(identifier => identifier.Type == Matching.IdentifierType.SurnameBirthDate));
    }

    [Fact]
    public async Task Load_BrpRules_CountRejectedIdentifiers()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaV());

        Assert.Equal(4, load.RejectedIdentifiers("adres:LocationDesignation"));
        Assert.Equal(1, load.RejectedIdentifiers("bag-id:LocationDesignation"));
        Assert.Equal(2, load.RejectedIdentifiers("naam-geboortedatum:UnknownSurname"));
        Assert.Equal(1, load.RejectedIdentifiers("naam-geboortedatum:ImpossibleDate"));
    }

    [Fact]
    public async Task Load_PersoonslijstWithoutBsn_IsIndexed()
    {
        var load = await SourceLoad.RunAsync(BrpSources.GbaV());

        Assert.Equal(2, load.Records.Count(record => record.Identifiers.All(identifier => identifier.Type != Matching.IdentifierType.Bsn)));
    }
}
