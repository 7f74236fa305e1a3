using System.Security.Cryptography;
using System.Text.Json;

namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// Reads and creates the data-key file with the keys that encrypt stored values. The file
/// is kept apart from the database, so that a copy of the database alone reveals no personal data.
/// </summary>
/// <remarks>
/// Format, version 1 (UTF-8 JSON):
/// <code>
/// { "format": "gso-coordinator-data-key", "version": 1, "currentKeyId": "…",
///   "keys": [ { "id": "…", "algorithm": "AES-256-GCM", "createdAt": "…", "key": "base64" } ] }
/// </code>
/// On Unix the file must not be readable or writable by group or others (mode 600 or 400).
/// </remarks>
internal static class DataKeyFile
{
    /// <summary>The value of the "format" property.</summary>
    public const string FormatName = "gso-coordinator-data-key";

    /// <summary>The only format version that this code reads and writes.</summary>
    public const int FormatVersion = 1;

    private const string Algorithm = "AES-256-GCM";

    // A real file contains a few keys in well under 1 KiB, so anything this large is not a data-key file.
    private const int MaxFileLength = 64 * 1024;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Reads the file, or creates it with one new key when it is missing and
    /// <paramref name="createIfMissing"/> is set.
    /// </summary>
    /// <exception cref="DataKeyFileException">The file is missing, too widely accessible or malformed.</exception>
    public static DataKeyRing Load(string path, bool createIfMissing, TimeProvider timeProvider, out bool created)
    {
        created = false;
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new DataKeyFileException(
                    $"The data-key file '{path}' does not exist. Restore it from the key backup, or set " +
                    "Coordinator:Store:CreateDataKeyIfMissing to true to create a new key for a new, empty database.");
            }

            created = true;
            return Create(path, timeProvider);
        }

        return Read(path);
    }

    /// <summary>Creates a new file with one new key that only the owner can read and write.</summary>
    /// <exception cref="DataKeyFileException">The file already exists or cannot be written.</exception>
    public static DataKeyRing Create(string path, TimeProvider timeProvider)
    {
        if (File.Exists(path))
        {
            throw new DataKeyFileException($"The data-key file '{path}' already exists; it was not overwritten.");
        }

        var key = DataKey.Generate(timeProvider.GetUtcNow());
        var fileCreated = false;
        try
        {
            CreateFolder(path);

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Set at creation, so the key is never readable by others, not even for a moment.
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(path, options))
            {
                fileCreated = true;
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                Write(writer, key);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            return new DataKeyRing(key, [key]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            if (fileCreated)
            {
                // A half-written key file would be refused at the next start; remove it so a retry can succeed.
                File.Delete(path);
            }

            throw new DataKeyFileException(
                $"The data-key file '{path}' could not be created: {exception.Message} Check that the folder exists " +
                "and that the coordinator's account may write to it.",
                exception);
        }
    }

    private static void CreateFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Reads a file after checking its permissions and format.</summary>
    /// <exception cref="DataKeyFileException">The file is missing, too widely accessible or malformed.</exception>
    public static DataKeyRing Read(string path)
    {
        CheckPermissions(path);

        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileLength)
            {
                throw new DataKeyFileException(
                    $"The data-key file '{path}' is {length} bytes long, more than a data-key file can be " +
                    $"({MaxFileLength} bytes). Check that Coordinator:Store:DataKeyFile names the right file.");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataKeyFileException(
                $"The data-key file '{path}' could not be read: {exception.Message} Check that the coordinator's " +
                "account may read it.",
                exception);
        }

        try
        {
            return Parse(path, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private static void CheckPermissions(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataKeyFileException($"The data-key file '{path}' does not exist. Restore it from the key backup.");
        }

        // NOTE: on Windows the file's access control list is not checked; the installer must restrict it.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
        {
            throw new DataKeyFileException(
                $"The data-key file '{path}' is accessible to other users (mode {FormatMode(mode)}). Restrict it to " +
                $"its owner, for example with 'chmod 600 {path}', and find out who may have read it.");
        }
    }

    private static DataKeyRing Parse(string path, byte[] content)
    {
        var keys = new List<DataKey>();
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;

            if (GetString(root, "format") != FormatName)
            {
                throw Malformed(path, $"its \"format\" is not \"{FormatName}\"");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw Malformed(path, "it has no numeric \"version\"");
            }

            if (!version.TryGetInt32(out var versionNumber) || versionNumber != FormatVersion)
            {
                throw new DataKeyFileException(
                    $"The data-key file '{path}' has format version {version.GetRawText()}, but this coordinator reads " +
                    $"version {FormatVersion} only. Use the coordinator version that wrote the file, or a newer one.");
            }

            var currentId = GetString(root, "currentKeyId") ?? throw Malformed(path, "it has no \"currentKeyId\"");

            if (!root.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(path, "it has no \"keys\" array");
            }

            foreach (var element in keyArray.EnumerateArray())
            {
                keys.Add(ParseKey(path, element, keys));
            }

            var current = keys.Find(key => key.Id == currentId)
                ?? throw Malformed(path, $"its \"currentKeyId\" names no key in \"keys\"");

            return new DataKeyRing(current, keys);
        }
        catch (JsonException exception)
        {
            DisposeAll(keys);
            throw new DataKeyFileException(
                $"The data-key file '{path}' is not valid JSON (line {exception.LineNumber + 1}). Restore it from the key backup.",
                exception);
        }
        catch
        {
            DisposeAll(keys);
            throw;
        }
    }

    private static DataKey ParseKey(string path, JsonElement element, List<DataKey> earlier)
    {
        var id = GetString(element, "id");
        if (!DataKey.IsValidId(id))
        {
            throw Malformed(path, $"a key has no \"id\" of 1 to {DataKey.MaxIdLength} ASCII letters, digits or '-'");
        }

        if (earlier.Exists(key => key.Id == id))
        {
            throw Malformed(path, "two keys have the same \"id\"");
        }

        if (GetString(element, "algorithm") != Algorithm)
        {
            throw Malformed(path, $"a key's \"algorithm\" is not \"{Algorithm}\"");
        }

        if (!element.TryGetProperty("createdAt", out var createdAtElement) ||
            !createdAtElement.TryGetDateTimeOffset(out var createdAt))
        {
            throw Malformed(path, "a key has no \"createdAt\" date");
        }

        if (!element.TryGetProperty("key", out var keyElement) ||
            keyElement.ValueKind != JsonValueKind.String ||
            !keyElement.TryGetBytesFromBase64(out var material))
        {
            throw Malformed(path, "a key has no base64 \"key\"");
        }

        try
        {
            if (material.Length != DataKey.KeyLength)
            {
                throw Malformed(path, $"a key is {material.Length} bytes long instead of {DataKey.KeyLength}");
            }

            return DataKey.FromBytes(id!, createdAt, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private static void Write(Utf8JsonWriter writer, DataKey key)
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("currentKeyId", key.Id);
        writer.WriteStartArray("keys");
        writer.WriteStartObject();
        writer.WriteString("id", key.Id);
        writer.WriteString("algorithm", Algorithm);
        writer.WriteString("createdAt", key.CreatedAt.ToUniversalTime());
        key.WriteBase64(writer, "key");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DataKeyFileException Malformed(string path, string problem) =>
        new($"The data-key file '{path}' is not a valid data-key file: {problem}. Restore it from the key backup.");

    private static string FormatMode(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static void DisposeAll(List<DataKey> keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
