namespace GsoHitService.Matching;

/// <summary>Why a matching-key file cannot be read or written.</summary>
public enum MatchingKeyFileProblem
{
    /// <summary>The file does not exist.</summary>
    NotFound = 1,

    /// <summary>Group or others have permissions on the file, or on Windows its ACL grants access to other accounts.</summary>
    AccessTooWide,

    /// <summary>The current account may not read the file, or reading it failed.</summary>
    ReadFailed,

    /// <summary>The file is not in the key-file format (see docs/token-scheme.md).</summary>
    InvalidFormat,

    /// <summary>The key does not match the file's check value, so the file is damaged or was edited.</summary>
    CheckValueMismatch,

    /// <summary>A file already exists at the path; key files are never overwritten.</summary>
    AlreadyExists,

    /// <summary>Creating or writing the file failed.</summary>
    WriteFailed,
}
