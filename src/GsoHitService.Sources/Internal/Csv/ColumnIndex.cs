namespace GsoHitService.Sources.Internal.Csv;

/// <summary>
/// Finds configured column names in a header row or a query result: an exact match first, then a
/// match that ignores case, and only when exactly one column matches.
/// </summary>
internal sealed class ColumnIndex(IReadOnlyList<string> names, string sourceName)
{
    public int Count => names.Count;

    public int Resolve(string field)
    {
        var exact = FindAll(field, StringComparison.Ordinal);
        var matches = exact.Count > 0 ? exact : FindAll(field, StringComparison.OrdinalIgnoreCase);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new SourceReadException(
                sourceName,
                $"Source '{sourceName}' has no column '{field}'. Check the column names in the source's configuration against the export's header row or the query's result columns."),
            _ => throw new SourceReadException(
                sourceName,
                $"Source '{sourceName}' has more than one column named '{field}', so its values cannot be read with certainty. Rename the columns in the export or the query."),
        };
    }

    private List<int> FindAll(string field, StringComparison comparison)
    {
        var found = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], field, comparison))
            {
                found.Add(i);
            }
        }

        return found;
    }
}
