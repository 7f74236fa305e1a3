namespace GsoHitService.Sources;

/// <summary>
/// A source that cannot be read with certainty. The message names the source and the reason
/// (never a value from the data) and says what to change in the configuration or the export.
/// </summary>
public sealed class SourceReadException : Exception
{
    public SourceReadException(string sourceName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceName = sourceName;
    }

    /// <summary>Name of the source in the agent configuration.</summary>
    public string SourceName { get; }
}
