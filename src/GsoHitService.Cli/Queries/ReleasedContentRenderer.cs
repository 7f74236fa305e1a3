using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Queries;

/// <summary>
/// Prints released content, as <c>gso release show</c> and <c>gso demo</c> show it.
/// </summary>
internal static class ReleasedContentRenderer
{
    /// <summary>
    /// Prints released content. Only <c>gso release show</c> and the demo print content: the member
    /// asked for it explicitly, and the coordinator returns only what privacy check 3 allows this
    /// member. The demo's content is synthetic test data.
    /// </summary>
    public static void Render(ReleasedContentView content, string member, TextWriter output)
    {
        output.WriteLine(Messages.Format(ReleaseStrings.ShowHeader, content.CaseId, member));
        output.WriteLine(ReleaseStrings.ShowConfidential);
        output.WriteLine();

        if (content.Items.Count == 0)
        {
            output.WriteLine(ReleaseStrings.ShowNothing);
        }

        foreach (var item in content.Items)
        {
            output.WriteLine(Messages.Format(ReleaseStrings.ShowItemHeader, item.SubjectLabel, item.Department, item.Source, item.ReleaseId));
            var lines = new LabelledLines();
            foreach (var (name, value) in item.Fields.OrderBy(field => field.Key, StringComparer.Ordinal))
            {
                lines.Add(name, value.ReplaceLineEndings(" "));
            }

            lines.Write(output, "  ");
            output.WriteLine();
        }

        output.WriteLine(content.WithheldFieldCount == 0
            ? ReleaseStrings.ShowNoneWithheld
            : Messages.FormatCount(content.WithheldFieldCount, ReleaseStrings.ShowWithheldSingular, ReleaseStrings.ShowWithheldPlural, content.WithheldFieldCount));
    }
}
