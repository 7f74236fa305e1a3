namespace GsoHitService.Sources.Internal.Records;

/// <summary>
/// A field reference (column name or field path) resolved against one reader, so that each record
/// is read without looking the name up again.
/// </summary>
internal abstract class FieldAccessor(string field)
{
    /// <summary>The field as configured; a name, never a value.</summary>
    public string Field { get; } = field;

    /// <summary>Adds the field's non-empty values in <paramref name="record"/> to <paramref name="values"/>.</summary>
    public abstract void AddValues(SourceRecord record, List<FieldValue> values);

    /// <summary>
    /// Whether the field was found in at least one record. Only readers whose fields are unknown
    /// before reading (JSON paths) track this. Readers that check fields when they open return true.
    /// </summary>
    public virtual bool WasFound => true;
}
