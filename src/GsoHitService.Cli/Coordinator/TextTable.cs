namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// A plain-text table with left-aligned columns padded to their widest cell, a header row and a
/// line of dashes under each header, so that it reads well in a terminal and in a log file.
/// </summary>
/// <remarks>
/// Widths count UTF-16 characters, which is right for Latin text with diacritics;
/// NOTE: wide (East Asian) characters and emoji misalign a column.
/// </remarks>
internal sealed class TextTable(params string[] headers)
{
    private const string ColumnGap = "  ";
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row of this table has {headers.Length} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter output, string indent = "")
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(output, indent, headers, widths);
        WriteRow(output, indent, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(output, indent, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => cell.PadRight(widths[i]));
        output.WriteLine((indent + string.Join(ColumnGap, padded)).TrimEnd());
    }
}
