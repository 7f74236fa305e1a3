namespace GsoHitService.Cli.Coordinator;

/// <summary>Writes "label: value" lines with the values aligned in one column.</summary>
internal sealed class LabelledLines
{
    private readonly List<(string Label, string Value)> _lines = [];

    public LabelledLines Add(string label, string value)
    {
        _lines.Add((label, value));
        return this;
    }

    public void Write(TextWriter output, string indent = "")
    {
        var width = _lines.Count == 0 ? 0 : _lines.Max(line => line.Label.Length) + 2;
        foreach (var (label, value) in _lines)
        {
            output.WriteLine((indent + (label + ":").PadRight(width) + value).TrimEnd());
        }
    }
}
