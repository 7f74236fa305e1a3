namespace GsoHitService.Matching;

/// <summary>
/// A matching-key file that cannot be used: missing, readable by others, or not in the key-file format.
/// </summary>
public sealed class MatchingKeyFileException(string message) : Exception(message);
