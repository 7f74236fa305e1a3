using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Logging;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Mapping;

/// <summary>Behaviour shared by every source kind: paths, logging, repeated loads and cancellation.</summary>
public sealed class SourceBehaviourTests : IDisposable
{
    private const string Export = "bsn;achternaam;geboortedatum;kvk;opmerking\n012345672;Jansen;1985-03-07;01234567;geheim\n123456789;Pietersen;1990-02-30;;\n";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Load_RelativePath_ResolvesAgainstContentRoot()
    {
        _folder.WriteFile("exports/bron.csv", Export);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "exports", "bron.csv")));

        var source = SourceLoad.Create(CsvSource("exports/bron.csv", Field("bsn", "bsn")), _folder.Path);
        var load = await SourceLoad.RunAsync(source);

        Assert.Equal(1, load.Report.RowsIndexed);
        Assert.Equal([_folder.Combine("exports", "bron.csv")], source.WatchedFiles);
    }

    [Fact]
    public async Task Load_Logs_ContainNoValues()
    {
        var path = _folder.WriteFile("bron.csv", Export);
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var source = SourceLoad.Create(CsvSource(path, Field("bsn", "bsn"), Name("achternaam", "geboortedatum"), Field("kvk", "kvk")), loggerFactory: loggerFactory);

        var load = await SourceLoad.RunAsync(source);

        Assert.Equal(1, load.RejectedRows("bsn:Elfproef"));
        Assert.Contains(logs.Entries, entry => entry.Text.Contains("bsn:Elfproef", StringComparison.Ordinal));
        foreach (var value in new[] { "012345672", "123456789", "Jansen", "JANSEN", "Pietersen", "01234567", "1985", "geheim" })
        {
            Assert.DoesNotContain(logs.Entries, entry => entry.Text.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Load_FailureMessage_ContainsNoValues()
    {
        // The JSON parser's own message quotes the token where it stopped, which here is a BSN.
        var path = _folder.WriteFile("bron.json", """[{"bsn": "012345672", "kvk": 01234567}]""");

        var (exception, _, _) = await SourceLoad.RunFailingAsync(JsonSource(path, null, Field("bsn", "bsn")));

        Assert.DoesNotContain("01234567", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_Twice_GivesSameRecordsAndCounts()
    {
        var path = _folder.WriteFile("bron.csv", Export);
        var source = SourceLoad.Create(CsvSource(path, Field("bsn", "bsn"), Name("achternaam", "geboortedatum")));

        var first = await SourceLoad.RunAsync(source);
        var second = await SourceLoad.RunAsync(source);

        Assert.Equal(first.Identifiers, second.Identifiers);
        Assert.Equal(first.Report.RejectedRowsByReason, second.Report.RejectedRowsByReason);
    }

    [Fact]
    public async Task Load_Cancelled_StopsReading()
    {
        var path = _folder.WriteFile("bron.csv", Export);
        var source = SourceLoad.Create(CsvSource(path, Field("bsn", "bsn")));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in source.ReadAsync(new ImportReport(source.Name), includeReleasableFields: false, cancellation.Token))
            {
            }
        });
    }

    [Fact]
    public async Task Load_ReleasableFields_HoldOnlyTheFieldMap()
    {
        var path = _folder.WriteFile("bron.csv", Export);
        var options = CsvSource(path, Field("bsn", "bsn"));
        options.ReleasableFields["naam"] = ["achternaam"];
        options.ReleasableFields["geboren"] = ["geboortedatum"];

        var source = SourceLoad.Create(options);
        var load = await SourceLoad.RunAsync(source, includeReleasableFields: true);

        var record = load.Records.Single();
        Assert.Equal(["geboren", "naam"], source.ReleasableFields);
        Assert.Equal(["geboren", "naam"], record.ReleasableFields.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("geheim", record.ReleasableFields.Values);
        Assert.DoesNotContain("geheim", record.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Load_FieldsPresent_LogNoMissingField(bool includeReleasableFields)
    {
        var path = _folder.WriteFile("zaken.json", """[{"bsn": "012345672", "status": "Verleend", "naam": "Jansen"}]""");
        var options = JsonSource(path, null, Field("bsn", "bsn"));
        options.Relevance = [Condition("status", ConditionOperator.NotEqual, "Ingetrokken")];
        options.ReleasableFields["status"] = ["status"];
        options.ReleasableFields["naam"] = ["naam"];
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        await SourceLoad.RunAsync(SourceLoad.Create(options, loggerFactory: loggerFactory), includeReleasableFields);

        Assert.DoesNotContain(logs.Entries, entry => entry.Text.Contains("was not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_FieldOnlyInExcludedRecords_CountsAsFound()
    {
        var path = _folder.WriteFile("zaken.json", """[{"bsn": "012345672", "resultaat": "Verleend"}, {"bsn": "111222333", "resultaat": "Ingetrokken", "einddatum": "2020-01-31"}]""");
        var options = JsonSource(path, null, Field("bsn", "bsn"));
        var ended = Condition("einddatum", ConditionOperator.OnOrAfter, "today");
        ended.EmptyMatches = true;
        ended.DateFormats = ["yyyy-MM-dd"];
        options.Relevance = [Condition("resultaat", ConditionOperator.NotEqual, "Ingetrokken"), ended];
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var load = await SourceLoad.RunAsync(SourceLoad.Create(options, loggerFactory: loggerFactory));

        Assert.Equal(1, load.RejectedRows("not-relevant"));
        Assert.DoesNotContain(logs.Entries, entry => entry.Text.Contains("was not found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, new[] { "adres.postcode", "adres.huisnummer" })]
    [InlineData(true, new[] { "adres.postcode", "adres.huisnummer", "naam" })]
    public async Task Load_FieldsMissing_LogEachPathOnce(bool includeReleasableFields, string[] expectedMissing)
    {
        var path = _folder.WriteFile("zaken.json", """[{"bsn": "012345672"}, {"bsn": "111222333"}]""");
        var options = JsonSource(path, null, Field("bsn", "bsn"), Address("adres.postcode", "adres.huisnummer"));
        options.ReleasableFields["naam"] = ["naam"];
        options.ReleasableFields["achternaam"] = ["naam"];
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        await SourceLoad.RunAsync(SourceLoad.Create(options, loggerFactory: loggerFactory), includeReleasableFields);

        var missing = logs.Entries.Where(entry => entry.Text.Contains("was not found", StringComparison.Ordinal)).ToList();
        Assert.All(missing, entry => Assert.Equal(LogLevel.Warning, entry.Level));
        foreach (var field in expectedMissing)
        {
            Assert.Single(missing, entry => entry.Text.Contains($"field path {field} ", StringComparison.Ordinal));
        }

        Assert.Equal(expectedMissing.Length, missing.Count);
    }

    [Fact]
    public async Task Load_UsedNameOnly_IndexesImpliedNames()
    {
        var path = _folder.WriteFile("clienten.csv", "naam;geboortedatum\nde Vries-van der Meer;07-03-1985\n");
        var name = Name("naam", "geboortedatum");
        name.Name!.SurnameIsUsedName = true;
        name.DateFormats = ["dd-MM-yyyy"];

        var load = await SourceLoad.RunAsync(CsvSource(path, name));

        Assert.Equal(
            [Ids.Name("de Vries-van der Meer", "1985-03-07"), Ids.Name("de Vries", "1985-03-07"), Ids.Name("van der Meer", "1985-03-07")],
            load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_InvalidConditionDate_HasOwnReason()
    {
        var path = _folder.WriteFile("zaken.csv", "bsn;einddatum\n012345672;31-12-2099\n111222333;2099-12-31\n");
        var options = CsvSource(path, Field("bsn", "bsn"));
        options.Relevance = [new FieldConditionOptions { Field = "einddatum", Operator = ConditionOperator.OnOrAfter, Value = "today" }];

        var load = await SourceLoad.RunAsync(options);

        Assert.Equal(1, load.RejectedRows("invalid-relevance-date"));
        Assert.Equal(1, load.Report.RowsIndexed);
    }

    [Fact]
    public void Create_IdentifierTypes_ListMappedTypesOnce()
    {
        var source = SourceLoad.Create(CsvSource("bron.csv", Field("kvk", "kvk"), Field("bsn", "bsn"), Field("bsn", "bsn2")), _folder.Path);

        Assert.Equal([Matching.IdentifierType.Bsn, Matching.IdentifierType.KvkNumber], source.IdentifierTypes);
    }
}
