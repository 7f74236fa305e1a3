using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.Cli.Decisions;

/// <summary>Loads decision files, key files and rosters, turning their errors into localised messages.</summary>
internal static class DecisionFiles
{
    /// <summary>Reads a decision file and decodes its payload.</summary>
    public static (SignedDecision Signed, Decision Decision) LoadDecision(string path)
    {
        SignedDecision signed;
        try
        {
            signed = DecisionFile.Read(path);
        }
        catch (DecisionFileException exception)
        {
            var template = exception.Error switch
            {
                DecisionFileError.NotFound => DecisionStrings.DecisionFileNotFound,
                DecisionFileError.UnsupportedVersion => DecisionStrings.DecisionFileUnsupportedVersion,
                _ => DecisionStrings.DecisionFileInvalid,
            };
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(template, path));
        }

        try
        {
            return (signed, DecisionEncoding.Decode(signed.Payload.Span));
        }
        catch (DecisionFormatException exception)
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.DecisionMalformed, path, exception.Error));
        }
    }

    /// <summary>Writes a decision file in one step.</summary>
    public static void SaveDecision(string path, SignedDecision decision)
    {
        try
        {
            DecisionFile.Write(path, decision);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DecisionCommandException(ExitCodes.Failure, Messages.Format(DecisionStrings.FileWriteFailed, path));
        }
    }

    /// <summary>Runs a key file operation and turns its errors into localised messages.</summary>
    public static T WithKeyFile<T>(string path, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (MemberKeyFileException exception)
        {
            var (exitCode, template) = exception.Error switch
            {
                MemberKeyFileError.NotFound => (ExitCodes.InvalidInput, DecisionStrings.KeyFileNotFound),
                MemberKeyFileError.AlreadyExists => (ExitCodes.InvalidInput, DecisionStrings.KeyFileExists),
                MemberKeyFileError.TooWidelyReadable => (ExitCodes.InvalidInput, DecisionStrings.KeyFileTooWide),
                MemberKeyFileError.UnsupportedVersion => (ExitCodes.InvalidInput, DecisionStrings.KeyFileUnsupportedVersion),
                MemberKeyFileError.WrongPassword => (ExitCodes.InvalidInput, DecisionStrings.KeyFileWrongPassword),
                _ => (ExitCodes.InvalidInput, DecisionStrings.KeyFileInvalid),
            };
            throw new DecisionCommandException(exitCode, Messages.Format(template, path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DecisionCommandException(ExitCodes.Failure, Messages.Format(DecisionStrings.FileWriteFailed, path));
        }
    }
}
