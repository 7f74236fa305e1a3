namespace GsoHitService.Sources.Internal;

/// <summary>Opens source files read-only and turns file system failures into <see cref="SourceReadException"/>.</summary>
internal static class SourceFiles
{
    /// <summary>
    /// Opens a file for reading. Other processes may read it at the same time but not write it, so a
    /// file that the department system is still writing fails the load instead of being half read.
    /// </summary>
    public static FileStream OpenRead(string path, string sourceName)
    {
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 1 << 16,
                Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
            });
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceReadException(sourceName, $"The file '{path}' of source '{sourceName}' was not found. Check Path in the source's configuration.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException(
                sourceName,
                $"The file '{path}' of source '{sourceName}' could not be opened for reading ({exception.GetType().Name}). Check that the agent's account may read it and that no program is still writing it.",
                exception);
        }
    }
}
