namespace GsoHitService.Sources.Internal.Records;

/// <summary>One record as a reader delivered it, before relevance and mapping.</summary>
internal abstract class SourceRecord(long number)
{
    /// <summary>1-based record number within the load.</summary>
    public long Number { get; } = number;

    /// <summary>Reason code when the reader could not split the record reliably (for example a wrong field count).</summary>
    public string? MalformedReason { get; init; }
}
