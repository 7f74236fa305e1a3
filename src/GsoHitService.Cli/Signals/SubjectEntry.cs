namespace GsoHitService.Cli.Signals;

/// <summary>One subject as read from a subjects file, before validation.</summary>
/// <param name="Label">Short name that users see in the hit matrix, for example "Betrokkene A".</param>
/// <param name="Kind">"persoon" or "organisatie" as written in the file.</param>
/// <param name="Identifiers">The subject's identifiers in file order.</param>
internal sealed record SubjectEntry(string Label, string Kind, IReadOnlyList<IdentifierEntry> Identifiers);

/// <summary>One identifier as read from a subjects file, before validation.</summary>
/// <param name="TypeName">The type as <c>gso normalize --type</c> names it, for example <c>bsn</c> or <c>adres</c>.</param>
/// <param name="Value">The value as entered; composite types use their text form.</param>
/// <param name="Line">The line in a CSV file, for messages; null for JSON.</param>
internal sealed record IdentifierEntry(string TypeName, string Value, long? Line)
{
    // A record prints every property; the value is an identifier and must not reach a log or a message.
    public override string ToString() => $"IdentifierEntry({TypeName})";
}
