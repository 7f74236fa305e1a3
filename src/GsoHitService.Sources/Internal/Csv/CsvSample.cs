namespace GsoHitService.Sources.Internal.Csv;

/// <summary>
/// Splits the start of a CSV file into records and counts delimiters outside quotes, for dialect
/// detection. A quoted field may span lines; a doubled quote inside one leaves the quoted state.
/// </summary>
internal static class CsvSample
{
    /// <summary>
    /// Splits <paramref name="text"/> into records without their line ends. When the text is only the
    /// start of the file, the last record may be cut off and is left out.
    /// </summary>
    public static List<string> SplitRecords(string text, bool isWholeFile)
    {
        var records = new List<string>();
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                records.Add(text[start..end]);
                start = i + 1;
            }
        }

        if (isWholeFile && start < text.Length)
        {
            records.Add(text[start..].TrimEnd('\r'));
        }

        return records;
    }

    /// <summary>Counts <paramref name="delimiter"/> outside quoted fields of one record.</summary>
    public static int CountOutsideQuotes(string record, char delimiter)
    {
        var count = 0;
        var inQuotes = false;
        foreach (var c in record)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == delimiter && !inQuotes)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Returns the delimiter of an Excel <c>sep=X</c> hint line, or null when the line is no such hint.</summary>
    public static char? ParseSeparatorLine(string record)
    {
        var line = record.TrimStart('\uFEFF');
        if (line.Length == 5 && line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            return line[4];
        }

        return null;
    }
}
