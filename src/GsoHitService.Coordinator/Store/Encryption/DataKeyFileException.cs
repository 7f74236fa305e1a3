namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// A data-key file that cannot be used: missing, readable by other users, or not in the data-key
/// file format. The message names the file and the fix.
/// </summary>
public sealed class DataKeyFileException(string message, Exception? innerException = null)
    : Exception(message, innerException);
