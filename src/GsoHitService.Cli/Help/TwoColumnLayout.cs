namespace GsoHitService.Cli.Help;

/// <summary>One row of a help list: a label such as <c>--type &lt;TYPE&gt;</c> and its description.</summary>
internal sealed record HelpRow(string Label, string Description);

/// <summary>
/// Writes help rows as two aligned columns, indented under a heading. When the rows do not fit
/// the width, both columns wrap within their own width.
/// </summary>
internal static class TwoColumnLayout
{
    public const string Indent = "  ";

    private const string Gap = "  ";

    /// <summary>Narrowest description column; below this, lines run past the width.</summary>
    private const int MinimumDescriptionWidth = 20;

    public static void Write(TextWriter output, IReadOnlyList<HelpRow> rows, int width)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var labelWidth = rows.Max(row => row.Label.Length);
        var descriptionWidth = rows.Max(row => row.Description.Length);
        if (Indent.Length + labelWidth + Gap.Length + descriptionWidth > width)
        {
            // The label column may take up to half the width; longer labels wrap.
            var maxLabelWidth = Math.Max(width / 2 - Indent.Length, 1);
            if (labelWidth > maxLabelWidth)
            {
                labelWidth = rows.SelectMany(row => TextWrapping.Wrap(row.Label, maxLabelWidth)).Max(line => line.Length);
            }

            descriptionWidth = Math.Max(width - Indent.Length - labelWidth - Gap.Length, MinimumDescriptionWidth);
        }

        foreach (var row in rows)
        {
            var labelLines = TextWrapping.Wrap(row.Label, labelWidth).ToList();
            var descriptionLines = TextWrapping.Wrap(row.Description, descriptionWidth).ToList();
            for (var i = 0; i < Math.Max(labelLines.Count, descriptionLines.Count); i++)
            {
                var label = i < labelLines.Count ? labelLines[i] : string.Empty;
                var description = i < descriptionLines.Count ? descriptionLines[i] : string.Empty;
                output.WriteLine(description.Length == 0
                    ? Indent + label
                    : Indent + label.PadRight(labelWidth) + Gap + description);
            }
        }
    }
}
