namespace GsoHitService.Sources.Internal.Csv;

/// <summary>Delimiters that CSV sources may declare, and the ones that detection considers.</summary>
internal static class CsvDelimiters
{
    /// <summary>Delimiters that detection looks for in the header; <c>|</c> is supported only when declared.</summary>
    public static ReadOnlySpan<char> DetectionCandidates => [';', ',', '\t'];

    /// <summary>Parses <c>Csv:Delimiter</c>; empty means detect (null).</summary>
    public static bool TryParse(string? text, out char? delimiter)
    {
        delimiter = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (string.Equals(text, "tab", StringComparison.OrdinalIgnoreCase) || text == "\\t")
        {
            delimiter = '\t';
            return true;
        }

        if (text.Length == 1 && IsSupported(text[0]))
        {
            delimiter = text[0];
            return true;
        }

        return false;
    }

    public static bool IsSupported(char delimiter) => delimiter is ';' or ',' or '\t' or '|';

    /// <summary>Names a delimiter for logs and messages, where a tab would be invisible.</summary>
    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";
}
