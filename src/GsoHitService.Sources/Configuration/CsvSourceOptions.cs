namespace GsoHitService.Sources.Configuration;

/// <summary>Dialect of a CSV source. Leave a setting empty to detect it; detection fails the load unless it is certain.</summary>
public sealed class CsvSourceOptions
{
    /// <summary>
    /// Field delimiter: <c>;</c>, <c>,</c>, <c>\t</c> (tab) or <c>|</c>. Empty: taken from an Excel
    /// <c>sep=</c> line, or from the header when exactly one of <c>;</c>, <c>,</c> and tab occurs there
    /// and every sampled row has the header's field count.
    /// </summary>
    public string? Delimiter { get; set; }

    /// <summary>
    /// Text encoding: <c>utf-8</c> or <c>windows-1252</c>. Empty: UTF-8 with or without byte order
    /// mark, and a file that is not valid UTF-8 fails the load. Windows-1252 is used only when declared.
    /// </summary>
    public string? Encoding { get; set; }
}
