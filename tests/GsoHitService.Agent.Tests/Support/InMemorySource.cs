using System.Runtime.CompilerServices;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>
/// A department source over records in memory, for unit tests of loading. It counts its rows in
/// the import report as a real source does, and can fail after a number of records.
/// </summary>
internal sealed class InMemorySource(string name, IReadOnlyCollection<IdentifierType> identifierTypes) : IDepartmentSource
{
    public string Name => name;

    public IReadOnlyCollection<IdentifierType> IdentifierTypes => identifierTypes;

    public IReadOnlyCollection<string> ReleasableFields => [];

    public IReadOnlyCollection<string> WatchedFiles { get; init; } = [];

    public List<MappedRecord> Records { get; set; } = [];

    /// <summary>Thrown after <see cref="FailAfter"/> records, when set.</summary>
    public Exception? Failure { get; set; }

    public int FailAfter { get; set; }

    /// <summary>Rows counted as read but neither indexed nor rejected, to unbalance the report.</summary>
    public int UncountedRows { get; set; }

    /// <summary>Waited for before the first record, when set.</summary>
    public Func<CancellationToken, Task>? BeforeReading { get; set; }

    public int ReadCount { get; private set; }

    public async IAsyncEnumerable<MappedRecord> ReadAsync(ImportReport report, bool includeReleasableFields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ReadCount++;
        if (BeforeReading is not null)
        {
            await BeforeReading(cancellationToken);
        }

        for (var i = 0; i < UncountedRows; i++)
        {
            report.CountRead();
        }

        var returned = 0;
        foreach (var record in Records)
        {
            if (Failure is not null && returned == FailAfter)
            {
                throw Failure;
            }

            cancellationToken.ThrowIfCancellationRequested();
            report.CountRead();
            report.CountIndexed();
            returned++;
            yield return record;
        }

        if (Failure is not null && returned == FailAfter)
        {
            throw Failure;
        }
    }

    public static MappedRecord Bsn(long row, string bsn) =>
        new(row, [IdentifierNormalizer.Normalize(IdentifierType.Bsn, bsn)], new Dictionary<string, string>());

    /// <summary>Records with made-up, elfproef-valid BSNs, built from <paramref name="count"/> distinct numbers.</summary>
    public static List<MappedRecord> ValidBsns(int count, int first = 10_000_000) =>
        [.. TestBsns.Generate(count, first).Select((bsn, i) => Bsn(i + 1, bsn))];
}

/// <summary>Makes up BSNs that pass the elfproef.</summary>
internal static class TestBsns
{
    public static IEnumerable<string> Generate(int count, int first = 10_000_000)
    {
        var produced = 0;
        for (var prefix = first; produced < count; prefix++)
        {
            var digits = prefix.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (digits[i] - '0') * (9 - i);
            }

            // The check digit counts -1: sum - check must be a multiple of 11, with check 0-9.
            var check = sum % 11;
            if (check == 10)
            {
                continue;
            }

            produced++;
            yield return digits + (char)('0' + check);
        }
    }
}
