namespace GsoHitService.Matching;

/// <summary>
/// A matching-key file that cannot be used: missing, readable by others, or not in the key-file
/// format, or a key file that cannot be written. The message is English for operators and names
/// the file and the fix; user interfaces pick their own text from <see cref="Problem"/>.
/// </summary>
public sealed class MatchingKeyFileException : Exception
{
    public MatchingKeyFileException(string path, MatchingKeyFileProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Path of the key file as the caller gave it.</summary>
    public string Path { get; }

    /// <summary>What is wrong with the file.</summary>
    public MatchingKeyFileProblem Problem { get; }
}
