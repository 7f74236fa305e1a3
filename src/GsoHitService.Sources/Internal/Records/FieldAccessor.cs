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
    /// Whether the field was found in at least one record, for readers whose fields are not known
    /// before reading (JSON paths); always true where the reader checks fields when it opens.
    /// </summary>
    public virtual bool WasFound => true;
}
