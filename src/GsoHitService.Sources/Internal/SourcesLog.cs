using Microsoft.Extensions.Logging;

namespace GsoHitService.Sources.Internal;

/// <summary>Log messages of the source connectors: names, counts and reason codes, never values.</summary>
internal static partial class SourcesLog
{
    [LoggerMessage(EventId = 4101, EventName = "SourceLoadStarted", Level = LogLevel.Information, Message = "Loading source {SourceName} ({SourceKind})")]
    public static partial void LoadStarted(ILogger logger, string sourceName, string sourceKind);

    [LoggerMessage(
        EventId = 4102,
        EventName = "SourceLoadCompleted",
        Level = LogLevel.Information,
        Message = "Loaded source {SourceName}: {RowsRead} rows read, {RowsIndexed} indexed, {RowsRejected} rejected, in {ElapsedMilliseconds} ms")]
    public static partial void LoadCompleted(ILogger logger, string sourceName, long rowsRead, long rowsIndexed, long rowsRejected, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4103, EventName = "SourceRowsRejected", Level = LogLevel.Information, Message = "Source {SourceName}: {RowCount} rows rejected for {Reason}")]
    public static partial void RowsRejected(ILogger logger, string sourceName, long rowCount, string reason);

    [LoggerMessage(
        EventId = 4104,
        EventName = "SourceIdentifiersRejected",
        Level = LogLevel.Information,
        Message = "Source {SourceName}: {IdentifierCount} identifier values rejected for {Reason} in rows that were indexed")]
    public static partial void IdentifiersRejected(ILogger logger, string sourceName, long identifierCount, string reason);

    [LoggerMessage(
        EventId = 4105,
        EventName = "SourceFieldFlagged",
        Level = LogLevel.Warning,
        Message = "Source {SourceName}: field {Field} is flagged ({Reason}); rows with such values are rejected. Declare a pad rule (RestoreLeadingZeros) if the column is numeric")]
    public static partial void FieldFlagged(ILogger logger, string sourceName, string field, string reason);

    [LoggerMessage(
        EventId = 4106,
        EventName = "SourceFieldNotFound",
        Level = LogLevel.Warning,
        Message = "Source {SourceName}: field path {Field} was not found in any record; check it against the export")]
    public static partial void FieldNotFound(ILogger logger, string sourceName, string field);

    [LoggerMessage(
        EventId = 4107,
        EventName = "SourceCsvDialect",
        Level = LogLevel.Debug,
        Message = "Source {SourceName} is read as {Encoding} with delimiter {Delimiter} (sep= line: {HasSeparatorLine})")]
    public static partial void CsvDialect(ILogger logger, string sourceName, string encoding, string delimiter, bool hasSeparatorLine);
}
