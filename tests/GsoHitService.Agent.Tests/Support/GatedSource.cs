using System.Runtime.CompilerServices;
using GsoHitService.Matching;
using GsoHitService.Sources;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>A real source whose reading starts only when a gate opens, to hold a load in progress.</summary>
internal sealed class GatedSource(IDepartmentSource inner, Func<Task> gate) : IDepartmentSource
{
    public string Name => inner.Name;

    public IReadOnlyCollection<IdentifierType> IdentifierTypes => inner.IdentifierTypes;

    public IReadOnlyCollection<string> ReleasableFields => inner.ReleasableFields;

    public IReadOnlyCollection<string> WatchedFiles => inner.WatchedFiles;

    public async IAsyncEnumerable<MappedRecord> ReadAsync(ImportReport report, bool includeReleasableFields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await gate().WaitAsync(cancellationToken);
        await foreach (var record in inner.ReadAsync(report, includeReleasableFields, cancellationToken))
        {
            yield return record;
        }
    }
}
