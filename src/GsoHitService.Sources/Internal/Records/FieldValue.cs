namespace GsoHitService.Sources.Internal.Records;

/// <summary>How a source delivered a field value.</summary>
internal enum FieldValueKind
{
    /// <summary>Text as stored, including CSV fields and database text columns.</summary>
    Text = 0,

    /// <summary>
    /// A number (database numeric column, JSON number, SQLite numeric affinity). <see cref="FieldValue.Text"/>
    /// contains its invariant digits, or a non-integer form that no identifier accepts.
    /// </summary>
    Number,

    /// <summary>A value that has no text form for matching, such as a blob or a JSON object.</summary>
    Unsupported,
}

/// <summary>One non-empty value of a field, as text with how the source delivered it.</summary>
internal readonly record struct FieldValue(string Text, FieldValueKind Kind)
{
    public static FieldValue FromText(string text) => new(text, FieldValueKind.Text);

    public override string ToString() => $"FieldValue({Kind})";
}
