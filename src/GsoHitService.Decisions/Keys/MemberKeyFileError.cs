namespace GsoHitService.Decisions.Keys;

/// <summary>
/// Why a member key file cannot be used.
/// </summary>
public enum MemberKeyFileError
{
    /// <summary>The file does not exist or cannot be read.</summary>
    NotFound = 1,

    /// <summary>A file already exists where a new key file should be written.</summary>
    AlreadyExists,

    /// <summary>Group or others have permissions on the file.</summary>
    TooWidelyReadable,

    /// <summary>The file is not a member key file or is damaged.</summary>
    InvalidFormat,

    /// <summary>The file has a format version that this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>The password is wrong, or the encrypted part of the file was changed.</summary>
    WrongPassword,
}
