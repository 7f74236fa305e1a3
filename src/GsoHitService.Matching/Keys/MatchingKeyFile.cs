namespace GsoHitService.Matching;

/// <summary>
/// Reads and writes matching-key files. A key file is readable by its owner only; a file with
/// wider permissions or a bad format is refused with a message that names the file and the fix.
/// </summary>
public static class MatchingKeyFile
{
    /// <summary>Writes a key to a new file that only the owner can read.</summary>
    public static void Write(string path, MatchingKey key) => throw new NotImplementedException();

    /// <summary>Reads a key file after checking its permissions and format.</summary>
    /// <exception cref="MatchingKeyFileException">The file is missing, too widely readable or malformed.</exception>
    public static MatchingKey Read(string path) => throw new NotImplementedException();
}
