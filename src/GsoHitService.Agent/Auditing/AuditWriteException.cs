namespace GsoHitService.Agent.Auditing;

/// <summary>
/// The audit log could not record a request. The request is then not answered, because no
/// answer may leave the agent without its audit record.
/// </summary>
internal sealed class AuditWriteException(string message, Exception innerException) : Exception(message, innerException);
