namespace GsoHitService.Sources.Configuration;

/// <summary>Where the records are in a JSON source.</summary>
public sealed class JsonSourceOptions
{
    /// <summary>
    /// Field path from the document root to the records, for example <c>content</c> (Decos JOIN) or
    /// <c>_embedded.aanvraag</c>. Empty: the root itself, which is either an array of records or one
    /// record.
    /// </summary>
    public string? RecordsPath { get; set; }
}
