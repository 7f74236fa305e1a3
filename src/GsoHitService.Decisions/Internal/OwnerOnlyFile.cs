namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Files that only their owner may read: member key files and the decision use record. On Unix
/// they are created with mode 0600 and refused when group or others have any permission.
/// </summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Options for a new file that is readable by its owner only; fails when the file exists.</summary>
    public static FileStreamOptions CreateNewOptions(FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return options;
    }

    /// <summary>
    /// Returns the permissions that group or others have on the file, or null when only the owner
    /// has any. Returns null on Windows.
    /// </summary>
    // NOTE: on Windows the ACL is not checked; the file inherits the folder's ACL.
    public static UnixFileMode? FindWiderPermissions(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var wider = File.GetUnixFileMode(path) & GroupOrOther;
        return wider == UnixFileMode.None ? null : wider;
    }
}
