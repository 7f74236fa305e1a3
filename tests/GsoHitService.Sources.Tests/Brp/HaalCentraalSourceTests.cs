using GsoHitService.Sources.Tests.Infrastructure;

namespace GsoHitService.Sources.Tests.Brp;

/// <summary>The Haal Centraal BRP personen response (BRP API v2) of the Mijn Amsterdam mocks.</summary>
public sealed class HaalCentraalSourceTests
{
    [Fact]
    public async Task Load_Personen_ReadsEveryEntry()
    {
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        Assert.Equal(111, load.Report.RowsRead);
        Assert.Equal(111, load.Report.RowsIndexed);
    }

    [Fact]
    public async Task Load_Person_IndexesEveryKey()
    {
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999993112")));
        Assert.Equal(
            [
                Ids.Bsn("999993112"),
                Ids.Name("Zon", "1970-04-07", prefix: "van"),
                Ids.Name("den Braber-van Zon", "1970-04-07"),
                Ids.Address("1014AW", "14", addition: "H"),
                Ids.Bag("0363200000264601"),
                Ids.Bag("0363010000805805"),
            ],
            record.Identifiers);
    }

    [Fact]
    public async Task Load_ElfproefFailure_KeepsRowByOtherKeys()
    {
        // The mock's developer account 999999999 does not pass the elfproef.
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        Assert.Equal(1, load.RejectedIdentifiers("bsn:Elfproef"));
        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Name("Mens", "2008-03-17", prefix: "dev")));
        Assert.Equal(
            [
                Ids.Name("Mens", "2008-03-17", prefix: "dev"),
                Ids.Address("1098XH", "650"),
                Ids.Bag("0363200000537299"),
                Ids.Bag("0363010001166707"),
            ],
            record.Identifiers);
    }

    [Fact]
    public async Task Load_NameUsageP_IndexesOwnAndPartnerName()
    {
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999995182")));
        Assert.Contains(Ids.Name("Jansma", "1945-04-18"), record.Identifiers);
        Assert.Contains(Ids.Name("Vermeulen", "1945-04-18"), record.Identifiers);
    }

    [Fact]
    public async Task Load_NameUsageV_IndexesOwnAndUsedName()
    {
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999993112")));
        Assert.Contains(Ids.Name("Zon", "1970-04-07", prefix: "van"), record.Identifiers);
        Assert.Contains(Ids.Name("den Braber-van Zon", "1970-04-07"), record.Identifiers);
    }

    [Fact]
    public async Task Load_UsedNameSwitchedOff_IndexesOwnNameOnly()
    {
        var options = BrpSources.HaalCentraal();
        options.Brp.IndexUsedName = false;

        var load = await SourceLoad.RunAsync(options);

        var record = load.Records.Single(record => record.Identifiers.Contains(Ids.Bsn("999995182")));
        Assert.Contains(Ids.Name("Jansma", "1945-04-18"), record.Identifiers);
        Assert.DoesNotContain(Ids.Name("Vermeulen", "1945-04-18"), record.Identifiers);
    }

    [Fact]
    public async Task Load_PandIdAsNummeraanduiding_IsRejected()
    {
        // Many entries of the mock carry a pand id (object type 10) as nummeraanduiding.
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        Assert.Equal(33, load.RejectedIdentifiers("bag-id:BagObjectNotAddressable"));
        Assert.DoesNotContain(Ids.Bag("0363100012167249"), load.Identifiers);
    }

    [Fact]
    public async Task Load_ForeignAddress_IsNoRejection()
    {
        var load = await SourceLoad.RunAsync(BrpSources.HaalCentraal());

        Assert.DoesNotContain(load.Report.RejectedIdentifiersByReason.Keys, reason => reason.StartsWith("adres:", StringComparison.Ordinal));
    }
}
