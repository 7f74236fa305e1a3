namespace GsoHitService.Sources.Internal.Records;

/// <summary>
/// Reads the records of one source for one load. Every failure to read is a
/// <see cref="SourceReadException"/>, so that the caller never mistakes a broken source for an empty one.
/// </summary>
internal interface IRecordReader : IAsyncDisposable
{
    /// <summary>Opens the source and reads what it needs to resolve fields (header row, result columns, document).</summary>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>Resolves a configured field; throws <see cref="SourceReadException"/> when the source has no such column.</summary>
    FieldAccessor Resolve(string field);

    /// <summary>Reads the next record, or returns null at the end of the source.</summary>
    ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken);
}
