using System.Text.Json;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Reads <c>gso.json</c>: one JSON object whose keys are the <see cref="SettingName.FileKey"/>s,
/// with text values and a whole number for <c>timeout</c>. An unknown key is an error, so that a
/// typing error does not silently fall back to another setting.
/// </summary>
internal static class SettingsFile
{
    // A settings file contains a few paths, so anything larger is not one.
    private const long MaxFileBytes = 64 * 1024;

    public static IReadOnlyDictionary<string, JsonElement> Read(string path)
    {
        byte[] content;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw Invalid(path, Messages.Format(CoordinatorStrings.SettingsFileTooLarge, MaxFileBytes));
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.SettingsFileUnreadable, path, exception.Message));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw Invalid(path, Messages.Format(CoordinatorStrings.SettingsFileNotJson, (exception.LineNumber ?? 0) + 1));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, CoordinatorStrings.SettingsFileNotObject);
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var setting = SettingName.All.FirstOrDefault(name => name.FileKey == property.Name)
                    ?? throw Invalid(path, Messages.Format(CoordinatorStrings.SettingsFileUnknownKey, property.Name, string.Join(", ", SettingName.All.Select(name => name.FileKey))));

                var expected = setting == SettingName.Timeout ? JsonValueKind.Number : JsonValueKind.String;
                if (property.Value.ValueKind != expected && property.Value.ValueKind != JsonValueKind.Null)
                {
                    throw Invalid(path, Messages.Format(setting == SettingName.Timeout ? CoordinatorStrings.SettingsFileNotNumber : CoordinatorStrings.SettingsFileNotText, property.Name));
                }

                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    values[property.Name] = property.Value.Clone();
                }
            }

            return values;
        }
    }

    private static CoordinatorCommandException Invalid(string path, string problem) =>
        new(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.SettingsFileInvalid, path, problem));
}
