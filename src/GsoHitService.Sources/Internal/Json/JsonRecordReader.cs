using System.Text.Json;
using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Json;

/// <summary>One record of a JSON source: an object in the document.</summary>
internal sealed class JsonRecord(long number, JsonElement element) : SourceRecord(number)
{
    public JsonElement Element { get; } = element;
}

/// <summary>Reads the values at one field path of a <see cref="JsonRecord"/>.</summary>
internal sealed class JsonPathAccessor(string field, JsonFieldPath path) : FieldAccessor(field)
{
    [ThreadStatic]
    private static List<JsonElement>? t_elements;

    private bool _wasFound;

    public override bool WasFound => _wasFound;

    public override void AddValues(SourceRecord record, List<FieldValue> values)
    {
        var elements = t_elements ??= [];
        elements.Clear();
        path.Collect(((JsonRecord)record).Element, elements);
        if (elements.Count > 0)
        {
            _wasFound = true;
        }

        foreach (var element in elements)
        {
            AddValue(element, values, nested: false);
        }
    }

    private static void AddValue(JsonElement element, List<FieldValue> values, bool nested)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    values.Add(FieldValue.FromText(text));
                }

                break;
            case JsonValueKind.Number:
                values.Add(new FieldValue(element.GetRawText(), FieldValueKind.Number));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                values.Add(FieldValue.FromText(element.ValueKind == JsonValueKind.True ? "true" : "false"));
                break;
            case JsonValueKind.Object when HaalCentraalDate.TryFormat(element, out var date):
                values.Add(FieldValue.FromText(date));
                break;
            case JsonValueKind.Array when !nested:
                foreach (var item in element.EnumerateArray())
                {
                    AddValue(item, values, nested: true);
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                values.Add(new FieldValue("", FieldValueKind.Unsupported));
                break;
        }
    }
}

/// <summary>
/// Reads a JSON source. The whole document is parsed before the first record is returned, so a
/// truncated or invalid file fails the load before anything is indexed.
/// </summary>
internal sealed class JsonRecordReader(string path, string sourceName, string? recordsPath) : IRecordReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private JsonDocument? _document;
    private List<JsonElement> _records = [];
    private int _next;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        // NOTE: JsonDocument keeps the whole export in memory, about twice the file size. Very large
        // exports would need a streaming reader.
        await using (var stream = SourceFiles.OpenRead(path, sourceName))
        {
            try
            {
                _document = await JsonDocument.ParseAsync(stream, DocumentOptions, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new SourceReadException(
                    sourceName,
                    $"The file of source '{sourceName}' is not valid JSON (line {exception.LineNumber + 1}), so none of it was indexed. Correct the export.");
            }
            catch (IOException exception)
            {
                throw new SourceReadException(sourceName, $"Reading the file of source '{sourceName}' failed.", exception);
            }
        }

        _records = FindRecords(_document.RootElement);
    }

    public FieldAccessor Resolve(string field) =>
        JsonFieldPath.TryParse(field, out var fieldPath, out var error) && !fieldPath.IsRoot
            ? new JsonPathAccessor(field, fieldPath)
            : throw new SourceReadException(sourceName, $"The field path '{field}' of source '{sourceName}' is not valid: {(error.Length > 0 ? error : "it is empty")}.");

    public ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next >= _records.Count)
        {
            return ValueTask.FromResult<SourceRecord?>(null);
        }

        var element = _records[_next++];
        SourceRecord record = new JsonRecord(_next, element)
        {
            MalformedReason = element.ValueKind == JsonValueKind.Object ? null : RejectionReasons.MalformedRow,
        };
        return ValueTask.FromResult<SourceRecord?>(record);
    }

    public ValueTask DisposeAsync()
    {
        _document?.Dispose();
        return ValueTask.CompletedTask;
    }

    private List<JsonElement> FindRecords(JsonElement root)
    {
        if (!JsonFieldPath.TryParse(recordsPath, out var path, out var error))
        {
            throw new SourceReadException(sourceName, $"Json:RecordsPath of source '{sourceName}' is not valid: {error}.");
        }

        var found = new List<JsonElement>();
        path.Collect(root, found, keepLastArray: true);
        if (found.Count == 1 && found[0].ValueKind == JsonValueKind.Array)
        {
            return [.. found[0].EnumerateArray()];
        }

        if (found.Count == 0 || (path.IsRoot && root.ValueKind != JsonValueKind.Object))
        {
            throw new SourceReadException(
                sourceName,
                $"The file of source '{sourceName}' has no records at Json:RecordsPath '{recordsPath}'. Check the path against the export.");
        }

        return found;
    }
}
