using GsoHitService.Sources.Configuration;

namespace GsoHitService.Sources.Internal.Sql;

/// <summary>
/// Gets a SQL source's connection string from configuration, an environment variable or a file, at
/// every load. Errors name the setting, the variable or the file, never the connection string.
/// </summary>
internal static class ConnectionStrings
{
    public static string Resolve(SqlSourceOptions options, string contentRoot, string sourceName)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionStringEnvironmentVariable))
        {
            var variable = options.ConnectionStringEnvironmentVariable.Trim();
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new SourceReadException(
                    sourceName,
                    $"The environment variable '{variable}' that holds the connection string of source '{sourceName}' is not set for the agent's account.")
                : value;
        }

        var file = Path.GetFullPath(options.ConnectionStringFile!, contentRoot);
        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException(
                sourceName,
                $"The connection string file '{file}' of source '{sourceName}' could not be read ({exception.GetType().Name}). Check the path and that the agent's account may read it.",
                exception);
        }

        return text.Length > 0
            ? text
            : throw new SourceReadException(sourceName, $"The connection string file '{file}' of source '{sourceName}' is empty.");
    }
}
