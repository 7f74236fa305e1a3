namespace GsoHitService.Cli.Demo;

/// <summary>
/// Writes the demo's output: one numbered line per step, indented details under it, and indented
/// blocks for what the real commands print (decisions, the hit matrix, released content).
/// </summary>
internal sealed class DemoProgress(TextWriter output)
{
    private const string Indent = "   ";

    private int _step;

    /// <summary>Announces the next step in one short line.</summary>
    public void Step(string text)
    {
        _step++;
        output.WriteLine($"{_step}. {text}");
    }

    /// <summary>Writes one line under the current step.</summary>
    public void Detail(string text) => output.WriteLine(Indent + text);

    /// <summary>Writes what <paramref name="write"/> writes, indented, between blank lines.</summary>
    public void Block(Action<TextWriter> write)
    {
        using var block = new StringWriter();
        write(block);

        output.WriteLine();
        foreach (var line in block.ToString().TrimEnd().ReplaceLineEndings("\n").Split('\n'))
        {
            output.WriteLine(line.Length == 0 ? "" : Indent + line);
        }

        output.WriteLine();
    }

    /// <summary>Writes a line that is not part of a step, such as the final verdict.</summary>
    public void Line(string text) => output.WriteLine(text);
}
