using System.Text.Json;

namespace GsoHitService.Decisions.Internal;

/// <summary>
/// Reads the properties of one JSON object of a file format and refuses missing, mistyped and
/// unknown ones, so that a misspelt property is an error instead of a silent default.
/// </summary>
internal sealed class StrictJsonObject
{
    private readonly JsonElement _element;
    private readonly string _prefix;
    private readonly Func<string, Exception> _invalid;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <param name="element">The object.</param>
    /// <param name="prefix">Path of the object in the file, for messages: empty for the root, otherwise ending in a dot.</param>
    /// <param name="invalid">Creates the exception for a broken rule, given its description.</param>
    public StrictJsonObject(JsonElement element, string prefix, Func<string, Exception> invalid)
    {
        _element = element;
        _prefix = prefix;
        _invalid = invalid;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw invalid(prefix.Length == 0 ? "it is not a JSON object" : $"'{prefix.TrimEnd('.')}' is not a JSON object");
        }
    }

    public string GetString(string name) => Get(name, JsonValueKind.String).GetString() ?? "";

    public int GetInt32(string name) =>
        Get(name, JsonValueKind.Number).TryGetInt32(out var value) ? value : throw _invalid($"'{_prefix}{name}' is not a whole number");

    public byte[] GetBytes(string name, int? length = null)
    {
        var element = Get(name, JsonValueKind.String);
        if (!element.TryGetBytesFromBase64(out var bytes) || (length is not null && bytes.Length != length))
        {
            throw _invalid(length is null ? $"'{_prefix}{name}' is not base64" : $"'{_prefix}{name}' is not {length} bytes in base64");
        }

        return bytes;
    }

    public StrictJsonObject GetObject(string name) => new(Get(name, JsonValueKind.Object), $"{_prefix}{name}.", _invalid);

    public IEnumerable<StrictJsonObject> GetObjects(string name)
    {
        var index = 0;
        foreach (var item in Get(name, JsonValueKind.Array).EnumerateArray())
        {
            yield return new StrictJsonObject(item, $"{_prefix}{name}[{index++}].", _invalid);
        }
    }

    public void ExpectNoOtherProperties()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw _invalid($"it has the unknown property '{_prefix}{property.Name}'");
            }
        }
    }

    private JsonElement Get(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw _invalid($"'{_prefix}{name}' is missing");
        }

        if (value.ValueKind != kind)
        {
            throw _invalid($"'{_prefix}{name}' is not a JSON {kind.ToString().ToLowerInvariant()}");
        }

        _read.Add(name);
        return value;
    }
}
