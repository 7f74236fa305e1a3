using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using Microsoft.Win32.SafeHandles;

namespace GsoHitService.Matching.Internal;

/// <summary>
/// Owner-only access for key files: Unix mode 0600 set when the file is created, or on Windows an
/// ACL that names only the current user, with inheritance from the folder cut off.
/// </summary>
internal static class KeyFileAccess
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // Accounts that may have rights on a key file on Windows besides its user. The operating system
    // and local administrators can take any file anyway, and installers often leave their entries.
    private static readonly string[] TrustedWindowsAccounts = ["S-1-5-18", "S-1-5-32-544"];

    /// <summary>
    /// Creates a new file that only the current user can access. Throws <see cref="IOException"/>
    /// when the file exists, because <see cref="FileMode.CreateNew"/> never replaces one.
    /// </summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return CreateOwnerOnlyOnWindows(path);
        }

        // The mode applies at creation (minus the umask, which only removes bits), so there is no
        // moment at which the new file is readable by others.
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    /// <summary>
    /// Describes the access that accounts other than the owner have to an open file, for example
    /// <c>mode 0644</c>, or returns null when only the owner has access.
    /// </summary>
    public static string? DescribeAccessByOthers(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return DescribeAccessByOthersOnWindows(path);
        }

        var mode = File.GetUnixFileMode(handle);
        return (mode & GroupOrOthers) == 0 ? null : $"mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}";
    }

    [SupportedOSPlatform("windows")]
    private static FileStream CreateOwnerOnlyOnWindows(string path)
    {
        var user = WindowsIdentity.GetCurrent().User
            ?? throw new InvalidOperationException("The current Windows account has no security identifier.");

        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.SetOwner(user);
        security.AddAccessRule(new FileSystemAccessRule(user, FileSystemRights.FullControl, AccessControlType.Allow));

        return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.None, security);
    }

    // NOTE: compiled on every platform but never run by the tests, which run on Linux only.
    [SupportedOSPlatform("windows")]
    private static string? DescribeAccessByOthersOnWindows(string path)
    {
        var user = WindowsIdentity.GetCurrent().User;
        var rules = new FileInfo(path).GetAccessControl().GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier));

        foreach (FileSystemAccessRule rule in rules)
        {
            var account = (SecurityIdentifier)rule.IdentityReference;
            if (rule.AccessControlType == AccessControlType.Allow && account != user && !TrustedWindowsAccounts.Contains(account.Value))
            {
                return $"access for {account.Value}";
            }
        }

        return null;
    }
}
