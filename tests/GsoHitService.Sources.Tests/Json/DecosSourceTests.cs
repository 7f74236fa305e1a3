using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Json;

/// <summary>
/// The Decos JOIN permit cases mock: generic fields whose meaning depends on the zaaktype in
/// <c>text45</c>, so kentekens are mapped only under a condition, and relevance by status and end date.
/// </summary>
public sealed class DecosSourceTests
{
    private const string WorkAndTransport = "Werk en vervoer op straat";

    private static readonly string DecosPath = TestData.Path("mijn-amsterdam-mocks", "decos-vergunningen-zaken-response.json");

    [Fact]
    public async Task Load_ConditionalKenteken_IndexesPlates()
    {
        var load = await SourceLoad.RunAsync(Decos(PlateMappings()));

        Assert.Equal(67, load.Report.RowsRead);
        Assert.True(load.Contains(Ids.Plate("95GHZ4")));
        Assert.True(load.Contains(Ids.Plate("GB001B")));
        Assert.True(load.Contains(Ids.Plate("BZGD21")));
        Assert.Empty(load.Report.RejectedIdentifiersByReason);
    }

    [Fact]
    public async Task Load_ConditionalKenteken_IgnoresLabels()
    {
        var load = await SourceLoad.RunAsync(Decos(PlateMappings()));

        Assert.DoesNotContain(load.Report.RejectedRowsByReason.Keys, reason => reason.StartsWith("kenteken:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_UnconditionalText9_RejectsLabels()
    {
        // Without the condition, labels such as "Kinderen tot 12" in text9 are taken for kentekens.
        var load = await SourceLoad.RunAsync(Decos([Field("kenteken", "fields.text9")]));

        Assert.True(load.Report.RejectedRowsByReason.Keys.Count(reason => reason.StartsWith("kenteken:", StringComparison.Ordinal)) > 0);
    }

    [Fact]
    public async Task Load_ActivePermitsOnly_CountsOthersNotRelevant()
    {
        var options = Decos(PlateMappings());
        options.Relevance =
        [
            Condition("fields.dfunction", ConditionOperator.In, null, "Verleend"),
            new FieldConditionOptions { Field = "fields.date7", Operator = ConditionOperator.OnOrAfter, Value = "today", EmptyMatches = true },
        ];
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero));

        var load = await SourceLoad.RunAsync(options, timeProvider: clock);

        Assert.Equal(50, load.RejectedRows("not-relevant"));
        Assert.Equal(2, load.Report.RowsIndexed);
        Assert.True(load.Contains(Ids.Plate("69BTR4")));
        Assert.True(load.Contains(Ids.Plate("76BKS2")));
    }

    [Fact]
    public async Task Load_FieldMap_ReleasesOnlyMappedFields()
    {
        var options = Decos(PlateMappings());
        options.ReleasableFields["zaaktype"] = ["fields.text45"];
        options.ReleasableFields["status"] = ["fields.title", "fields.dfunction"];

        var load = await SourceLoad.RunAsync(options, includeReleasableFields: true);

        var record = load.Records.First(record => record.Identifiers.Contains(Ids.Plate("69BTR4")));
        Assert.Equal(["status", "zaaktype"], record.ReleasableFields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("RVV Toegang afgesloten gebieden particulieren", record.ReleasableFields["zaaktype"]);
        Assert.Equal("Afgehandeld Verleend", record.ReleasableFields["status"]);
    }

    [Fact]
    public async Task Load_WithoutReleasableFields_CarriesNoContent()
    {
        var options = Decos(PlateMappings());
        options.ReleasableFields["zaaktype"] = ["fields.text45"];

        var load = await SourceLoad.RunAsync(options);

        Assert.All(load.Records, record => Assert.Empty(record.ReleasableFields));
    }

    private static SourceOptions Decos(List<IdentifierMappingOptions> mappings)
    {
        var options = JsonSource(DecosPath, "content");
        options.Name = "vergunningen-decos";
        options.Identifiers = mappings;
        return options;
    }

    private static List<IdentifierMappingOptions> PlateMappings() =>
    [
        When(Field("kenteken", "fields.text9"), WorkAndTransport),
        When(Field("kenteken", "fields.text9"), "RVV Toegang afgesloten gebieden particulieren"),
        When(Field("kenteken", "fields.text10"), "Touringcar Dagontheffing"),
        When(Field("kenteken", "fields.text13"), "Eigen parkeerplaats"),
        When(new IdentifierMappingOptions { Type = "kenteken", Field = "fields.text39", Separator = "," }, "Touringcar Jaarontheffing"),
    ];

    private static IdentifierMappingOptions When(IdentifierMappingOptions mapping, string zaaktype)
    {
        mapping.When = [Condition("fields.text45", ConditionOperator.Equal, zaaktype)];
        return mapping;
    }
}
