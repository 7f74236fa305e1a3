namespace GsoHitService.Sources.Configuration;

/// <summary>
/// A test on one field of a record, used for relevance (which records count) and for conditional
/// identifier mappings (<see cref="IdentifierMappingOptions.When"/>).
/// </summary>
public sealed class FieldConditionOptions
{
    /// <summary>Column name (CSV, SQL, GBA-V) or field path (JSON, BRP JSON) to test.</summary>
    public string? Field { get; set; }

    public ConditionOperator? Operator { get; set; }

    /// <summary>
    /// Text for <see cref="ConditionOperator.Equal"/> and <see cref="ConditionOperator.NotEqual"/>; for
    /// the date tests a date <c>yyyy-MM-dd</c>, <c>today</c>, or <c>today</c> plus or minus a number of
    /// days (<c>today-365</c>), where today is the current date in the Netherlands.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>Texts for <see cref="ConditionOperator.In"/> and <see cref="ConditionOperator.NotIn"/>.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>
    /// Date formats of the field for the date tests (.NET custom formats such as <c>dd-MM-yyyy</c>).
    /// Empty: ISO 8601 dates and date-times and <c>yyyyMMdd</c>. A date-time with a UTC offset or
    /// <c>Z</c> counts on its date in the Netherlands, so <c>2024-10-03T22:00:00Z</c> is 4 October 2024.
    /// </summary>
    public List<string> DateFormats { get; set; } = [];

    /// <summary>
    /// For the date tests: whether an empty field passes, as with an end date that is not set yet.
    /// Default false.
    /// </summary>
    public bool EmptyMatches { get; set; }
}
