namespace GsoHitService.Cli.Help;

/// <summary>Breaks help text into lines of a maximum width.</summary>
internal static class TextWrapping
{
    /// <summary>
    /// Splits <paramref name="text"/> at its line breaks and then at the last space before
    /// <paramref name="width"/> characters. A word longer than the width is cut at the width.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = paragraph.TrimEnd();
            while (rest.Length > width)
            {
                var breakAt = rest.LastIndexOf(' ', width);
                var lineLength = breakAt > 0 ? breakAt : width;
                yield return rest[..lineLength].TrimEnd();
                rest = rest[lineLength..].TrimStart();
            }

            yield return rest;
        }
    }
}
