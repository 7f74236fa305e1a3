namespace GsoHitService.Cli;

/// <summary>
/// Exit codes of <c>gso</c>, the same for every command so that scripts can rely on them.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line itself is wrong (unknown command or option).</summary>
    public const int UsageError = 1;

    /// <summary>The input is invalid: an identifier breaks a rule, a file has a bad format.</summary>
    public const int InvalidInput = 2;

    /// <summary>The work failed: a service is unreachable, a check failed, a file cannot be written.</summary>
    public const int Failure = 3;
}
