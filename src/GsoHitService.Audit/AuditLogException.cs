namespace GsoHitService.Audit;

/// <summary>
/// The audit log cannot be opened or appended to; the message names the file and what to do.
/// </summary>
public sealed class AuditLogException : Exception
{
    public AuditLogException(string message)
        : base(message)
    {
    }

    public AuditLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
