namespace GsoHitService.Decisions.Keys;

/// <summary>
/// A member key file that cannot be used. The message names the file and what to do; user
/// interfaces pick their own text by <see cref="Error"/>.
/// </summary>
public sealed class MemberKeyFileException : Exception
{
    public MemberKeyFileException(MemberKeyFileError error, string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Path = path;
    }

    /// <summary>What is wrong with the file.</summary>
    public MemberKeyFileError Error { get; }

    /// <summary>Path of the file.</summary>
    public string Path { get; }
}
