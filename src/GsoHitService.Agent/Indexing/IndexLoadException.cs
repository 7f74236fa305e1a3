namespace GsoHitService.Agent.Indexing;

/// <summary>
/// A load that did not produce an index. The message names the source and the reason, never a
/// value from the data, because it is reported to the coordinator as the unavailable reason.
/// </summary>
internal sealed class IndexLoadException(string message, Exception? innerException = null)
    : Exception(message, innerException);
