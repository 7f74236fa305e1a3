using System.Text;
using System.Text.Json;

namespace GsoHitService.EndToEnd.Tests.DemoData;

/// <summary>
/// Reads the generated exports back for the format tests, without the product's connectors, so
/// that the tests see the raw bytes and texts.
/// </summary>
internal static class ExportReader
{
    /// <summary>A CSV export as header and rows of fields; the BOM is removed and lines split on CRLF.</summary>
    public static CsvTable ReadCsv(string path)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        var rows = lines[..^1].Select(SplitLine).ToList();
        return new CsvTable(rows[0], rows[1..]);
    }

    /// <summary>The records of the Decos export: the <c>fields</c> object of each item in <c>content</c>.</summary>
    public static List<JsonElement> ReadDecosFields(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("content").EnumerateArray().Select(item => item.GetProperty("fields").Clone())];
    }

    /// <summary>The records of the PowerBrowser export, each as field name to its <c>text</c> and <c>fieldValue</c>.</summary>
    public static List<Dictionary<string, (string? Text, string? Value)>> ReadPowerBrowser(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(record => record.GetProperty("fields").EnumerateArray().ToDictionary(
            field => field.GetProperty("fieldName").GetString()!,
            field => (
                field.TryGetProperty("text", out var text) ? text.GetString() : null,
                field.TryGetProperty("fieldValue", out var value) ? value.GetString() : null),
            StringComparer.Ordinal))];
    }

    /// <summary>The records of a JSON export whose root is an array.</summary>
    public static List<JsonElement> ReadArray(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(record => record.Clone())];
    }

    public static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

internal sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    public int Column(string name)
    {
        var index = Array.IndexOf(Header, name);
        Assert.True(index >= 0, $"Column '{name}' is missing.");
        return index;
    }

    public IEnumerable<string> Values(string column)
    {
        var index = Column(column);
        return Rows.Select(row => row[index]);
    }
}
