namespace GsoHitService.Decisions;

/// <summary>
/// Why a decision file cannot be read.
/// </summary>
public enum DecisionFileError
{
    /// <summary>The file does not exist or cannot be read.</summary>
    NotFound = 1,

    /// <summary>The file is not a decision file.</summary>
    InvalidFormat,

    /// <summary>The file has a format version that this build does not read.</summary>
    UnsupportedVersion,
}

/// <summary>
/// A decision file that cannot be read. The message names the file and the broken rule.
/// </summary>
public sealed class DecisionFileException(DecisionFileError error, string path, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>What is wrong with the file.</summary>
    public DecisionFileError Error { get; } = error;

    /// <summary>Path of the file.</summary>
    public string Path { get; } = path;
}
