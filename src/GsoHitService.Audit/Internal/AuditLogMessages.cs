using Microsoft.Extensions.Logging;

namespace GsoHitService.Audit.Internal;

/// <summary>Log messages of the audit log, with stable event ids.</summary>
internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 2001, EventName = "AuditLogOpened", Level = LogLevel.Information,
        Message = "Opened audit log {Path}; the chain continues after entry {LastSequence}")]
    public static partial void Opened(ILogger logger, string path, long lastSequence);

    [LoggerMessage(EventId = 2002, EventName = "AuditAppendFailed", Level = LogLevel.Error,
        Message = "Appending entry {Sequence} to audit log {Path} failed")]
    public static partial void AppendFailed(ILogger logger, long sequence, string path, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "AuditLogUnusable", Level = LogLevel.Critical,
        Message = "Audit log {Path} could not be restored after a failed append and refuses further entries")]
    public static partial void Unusable(ILogger logger, string path, Exception exception);
}
