using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Creates files that only the current user can read, for private keys.
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to a new file, flushed to disk. On Unix the file is
    /// created with mode 0600; on Windows its access list grants only the current user.
    /// </summary>
    /// <exception cref="IOException">The file already exists or cannot be written.</exception>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };

        // The mode is set when the file is created, so the key is never readable by others.
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            if (OperatingSystem.IsWindows())
            {
                RestrictToCurrentUser(stream);
            }

            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
    }

    [SupportedOSPlatform("windows")]
    private static void RestrictToCurrentUser(FileStream stream)
    {
        using var identity = WindowsIdentity.GetCurrent();
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(identity.User!, FileSystemRights.FullControl, AccessControlType.Allow));
        stream.SetAccessControl(security);
    }
}
