namespace GsoHitService.Sources.Configuration;

/// <summary>
/// One source of a department, as configured in the agent's <c>appsettings.json</c> under
/// <c>Agent:Sources</c>.
/// </summary>
public sealed class SourceOptions
{
    /// <summary>Unique name of the source, used in logs, import reports and content release.</summary>
    public string? Name { get; set; }

    public SourceKind? Kind { get; set; }

    /// <summary>The export file of the file kinds. A relative path resolves against the agent's content root.</summary>
    public string? Path { get; set; }

    public CsvSourceOptions Csv { get; set; } = new();

    public SqlSourceOptions Sql { get; set; } = new();

    public JsonSourceOptions Json { get; set; } = new();

    public BrpSourceOptions Brp { get; set; } = new();

    /// <summary>
    /// Identifier mappings. Required for the kinds <see cref="SourceKind.Csv"/>, <see cref="SourceKind.Sql"/>
    /// and <see cref="SourceKind.Json"/>; the BRP kinds have built-in mappings and must leave it empty.
    /// </summary>
    public List<IdentifierMappingOptions> Identifiers { get; set; } = [];

    /// <summary>
    /// Conditions that must all hold for a record to count, for example active permits only. Other
    /// records are counted as rejected with reason <c>not-relevant</c>. Empty: every record counts.
    /// </summary>
    public List<FieldConditionOptions> Relevance { get; set; } = [];

    /// <summary>
    /// Field map for content release: releasable field name to the source fields whose values make it
    /// up (joined with a space). Only these fields can ever leave the agent.
    /// </summary>
    public Dictionary<string, List<string>> ReleasableFields { get; set; } = new(StringComparer.Ordinal);
}
