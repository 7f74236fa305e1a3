using System.Globalization;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Commands;

/// <summary>User texts and exit codes for key files that cannot be read or written.</summary>
internal static class KeyFileMessages
{
    /// <summary>Describes the problem in the user's language, naming the file and the fix.</summary>
    public static string Describe(MatchingKeyFileException exception)
    {
        var format = exception.Problem switch
        {
            MatchingKeyFileProblem.NotFound => KeyStrings.KeyFileNotFound,
            MatchingKeyFileProblem.AccessTooWide => KeyStrings.KeyFileAccessTooWide,
            MatchingKeyFileProblem.ReadFailed => KeyStrings.KeyFileReadFailed,
            MatchingKeyFileProblem.InvalidFormat => KeyStrings.KeyFileInvalidFormat,
            MatchingKeyFileProblem.CheckValueMismatch => KeyStrings.KeyFileCheckValueMismatch,
            MatchingKeyFileProblem.AlreadyExists => KeyStrings.KeyFileAlreadyExists,
            MatchingKeyFileProblem.WriteFailed => KeyStrings.KeyFileWriteFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(exception), exception.Problem, "Unknown key-file problem."),
        };
        return string.Format(CultureInfo.CurrentUICulture, format, exception.Path);
    }

    /// <summary>
    /// Maps a problem to an exit code: invalid input when the user named a wrong or damaged file,
    /// failure when the system could not read or write it.
    /// </summary>
    public static int ToExitCode(MatchingKeyFileException exception) => exception.Problem switch
    {
        MatchingKeyFileProblem.ReadFailed or MatchingKeyFileProblem.WriteFailed => ExitCodes.Failure,
        _ => ExitCodes.InvalidInput,
    };
}
