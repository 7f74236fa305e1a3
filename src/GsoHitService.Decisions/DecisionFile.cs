using System.Text.Json;
using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions;

/// <summary>
/// Reads and writes prepared decision files, which kerngroep members pass around to sign.
/// </summary>
/// <remarks>
/// Format version 1 is a JSON object: <c>format</c> (<c>gso-decision</c>), <c>version</c> (1),
/// <c>payload</c> (the canonical encoding in base64) and <c>signatures</c> (an array of objects with
/// <c>memberId</c> and the base64 <c>signature</c>). The file contains match tokens, never raw
/// identifiers. Reading checks the file format only; decode the payload with
/// <see cref="DecisionEncoding.Decode"/> and check signatures with <see cref="CoreTeamRoster"/>.
/// </remarks>
public static class DecisionFile
{
    /// <summary>Version of the file format that this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "gso-decision";

    // A payload is at most 1 MiB, which is about 1.4 MB in base64; signatures add little.
    private const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Reads a decision file.</summary>
    /// <exception cref="DecisionFileException">The file is missing or not a decision file.</exception>
    public static SignedDecision Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw Invalid(path, $"it is larger than {MaxFileBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DecisionFileException(DecisionFileError.NotFound, path, $"The decision file {path} cannot be read: {exception.Message}", exception);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses the contents of a decision file; <paramref name="path"/> is used in messages only.</summary>
    /// <exception cref="DecisionFileException">The contents are not a decision file.</exception>
    public static SignedDecision Parse(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            var root = new StrictJsonObject(document.RootElement, "", problem => Invalid(path, problem));
            if (root.GetString("format") != FormatName)
            {
                throw Invalid(path, $"its 'format' is not '{FormatName}'");
            }

            var version = root.GetInt32("version");
            if (version != FormatVersion)
            {
                throw new DecisionFileException(DecisionFileError.UnsupportedVersion, path, $"The decision file {path} has format version {version}; this version of gso reads version {FormatVersion}.");
            }

            var payload = root.GetBytes("payload");
            var signatures = new List<DecisionSignature>();
            foreach (var item in root.GetObjects("signatures"))
            {
                var memberId = item.GetString("memberId");
                var signature = item.GetBytes("signature");
                item.ExpectNoOtherProperties();
                signatures.Add(new DecisionSignature(memberId, signature));
            }

            root.ExpectNoOtherProperties();
            return new SignedDecision(payload, signatures);
        }
        catch (JsonException exception)
        {
            throw Invalid(path, "it is not valid JSON", exception);
        }
    }

    /// <summary>Returns the decision file contents as UTF-8 JSON.</summary>
    public static byte[] Format(SignedDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteBase64String("payload", decision.Payload.Span);
            writer.WriteStartArray("signatures");
            foreach (var signature in decision.Signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("memberId", signature.MemberId);
                writer.WriteBase64String("signature", signature.Signature.Span);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes a decision file, replacing an existing file in one step (a temporary file that is
    /// renamed), so a crash never leaves half a file with signatures lost.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, SignedDecision decision)
    {
        ArgumentNullException.ThrowIfNull(path);

        var bytes = Format(decision);
        var fullPath = Path.GetFullPath(path);
        var temporaryPath = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }

    private static DecisionFileException Invalid(string path, string problem, Exception? innerException = null) =>
        new(DecisionFileError.InvalidFormat, path, $"The file {path} is not a valid decision file: {problem}.", innerException);
}
