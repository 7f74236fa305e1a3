using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Sources.Tests.Infrastructure;

/// <summary>The records and report of one complete load.</summary>
internal sealed record LoadResult(IReadOnlyList<MappedRecord> Records, ImportReport Report)
{
    /// <summary>Every identifier of every record.</summary>
    public IEnumerable<CanonicalIdentifier> Identifiers => Records.SelectMany(static record => record.Identifiers);

    public bool Contains(CanonicalIdentifier identifier) => Identifiers.Contains(identifier);

    public long RejectedRows(string reason) => Report.RejectedRowsByReason.GetValueOrDefault(reason);

    public long RejectedIdentifiers(string reason) => Report.RejectedIdentifiersByReason.GetValueOrDefault(reason);
}

/// <summary>Creates sources and runs loads the way the agent does.</summary>
internal static class SourceLoad
{
    public static IDepartmentSource Create(SourceOptions options, string? contentRoot = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null) =>
        new SourceFactory(contentRoot ?? TestData.DataFolder, loggerFactory, timeProvider).Create(options);

    /// <summary>Loads every record and checks that the import report balances, as every load must.</summary>
    public static async Task<LoadResult> RunAsync(IDepartmentSource source, bool includeReleasableFields = false)
    {
        var report = new ImportReport(source.Name);
        var records = new List<MappedRecord>();
        await foreach (var record in source.ReadAsync(report, includeReleasableFields, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        Assert.True(report.IsBalanced, $"Report does not balance: read {report.RowsRead}, indexed {report.RowsIndexed}, rejected {report.RowsRejected}.");
        Assert.Equal(records.Count, report.RowsIndexed);
        return new LoadResult(records, report);
    }

    public static Task<LoadResult> RunAsync(SourceOptions options, string? contentRoot = null, TimeProvider? timeProvider = null, bool includeReleasableFields = false) =>
        RunAsync(Create(options, contentRoot, timeProvider), includeReleasableFields);

    /// <summary>Runs a load that must fail, and returns the failure and the report as it stood.</summary>
    public static async Task<(SourceReadException Exception, ImportReport Report, int RecordsReturned)> RunFailingAsync(IDepartmentSource source)
    {
        var report = new ImportReport(source.Name);
        var returned = 0;
        var exception = await Assert.ThrowsAsync<SourceReadException>(async () =>
        {
            await foreach (var unused in source.ReadAsync(report, includeReleasableFields: false, TestContext.Current.CancellationToken))
            {
                returned++;
            }
        });
        Assert.Equal(source.Name, exception.SourceName);
        return (exception, report, returned);
    }

    public static Task<(SourceReadException Exception, ImportReport Report, int RecordsReturned)> RunFailingAsync(SourceOptions options, string? contentRoot = null) =>
        RunFailingAsync(Create(options, contentRoot));
}
