using System.Collections.Frozen;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// The field map for content release: releasable field name to source fields. A mapped record gets
/// these fields and nothing else, so no other value of the source can be released.
/// </summary>
internal sealed class ReleasableFieldMap(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
{
    public IReadOnlyCollection<string> Names { get; } = [.. fields.Keys.Order(StringComparer.Ordinal)];

    public Compiled Compile(IRecordReader reader) =>
        new([.. fields.Select(entry => (entry.Key, entry.Value.Select(reader.Resolve).ToArray()))]);

    /// <summary>The field map resolved against one reader.</summary>
    internal sealed class Compiled((string Name, FieldAccessor[] Sources)[] fields)
    {
        public IEnumerable<FieldAccessor> Accessors => fields.SelectMany(static entry => entry.Sources);

        /// <summary>
        /// Reads the releasable fields of one record. Several values of one source field are joined with
        /// <c>", "</c>, the values of several source fields with a space; a field without values is empty.
        /// </summary>
        public FrozenDictionary<string, string> Read(SourceRecord record, List<FieldValue> scratch)
        {
            var released = new Dictionary<string, string>(fields.Length, StringComparer.Ordinal);
            var parts = new List<string>();
            foreach (var (name, sources) in fields)
            {
                parts.Clear();
                foreach (var source in sources)
                {
                    scratch.Clear();
                    source.AddValues(record, scratch);
                    var texts = scratch.Where(static value => value.Kind != FieldValueKind.Unsupported).Select(static value => value.Text.Trim());
                    var joined = string.Join(", ", texts);
                    if (joined.Length > 0)
                    {
                        parts.Add(joined);
                    }
                }

                released[name] = string.Join(' ', parts);
            }

            return released.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
