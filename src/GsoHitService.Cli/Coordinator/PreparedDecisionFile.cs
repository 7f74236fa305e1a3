using System.Text;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Protocol.V1;
using Decision = GsoHitService.Decisions.Decision;
using SignedDecision = GsoHitService.Decisions.SignedDecision;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Writes a decision that the coordinator prepared to a decision file for the kerngroep to sign,
/// after checking that the payload to be signed matches the request. The members see the
/// payload with <c>gso decision show</c>; this check catches a wrong decision before it reaches them.
/// </summary>
internal static class PreparedDecisionFile
{
    /// <summary>Decodes, checks and writes the decision, then shows it with the next steps.</summary>
    /// <param name="prepared">The coordinator's reply.</param>
    /// <param name="requestedPath">The <c>--uitvoer</c> path, or null for <c>DECISIONID.json</c> in the current folder.</param>
    /// <param name="findMismatch">Returns the name of the first part of the decision that differs from the request, or null.</param>
    /// <param name="output">Where the decision and the next steps are written.</param>
    public static void Save(PreparedDecision prepared, string? requestedPath, Func<Decision, string?> findMismatch, TextWriter output)
    {
        Decision decision;
        try
        {
            decision = DecisionEncoding.Decode(prepared.Payload.Span);
        }
        catch (DecisionFormatException)
        {
            throw Mismatch(SignalStrings.MismatchUnreadable);
        }

        var mismatch = decision.DecisionId != prepared.DecisionId ? SignalStrings.MismatchDecisionId : findMismatch(decision);
        if (mismatch is not null)
        {
            throw Mismatch(mismatch);
        }

        var path = requestedPath ?? DefaultFileName(decision.DecisionId);
        if (File.Exists(path))
        {
            throw new CoordinatorCommandException(ExitCodes.Failure, Messages.Format(SignalStrings.DecisionFileExists, Path.GetFullPath(path)));
        }

        DecisionFiles.SaveDecision(path, new SignedDecision(prepared.Payload.Memory, []));

        DecisionRenderer.Render(decision, [], output);
        output.WriteLine();
        output.WriteLine(Messages.Format(SignalStrings.DecisionFileWritten, path));
        output.WriteLine(Messages.Format(SignalStrings.DecisionNextSteps, path));
    }

    /// <summary>Compares free text as the coordinator may store it: composed Unicode, <c>\n</c> line ends, no outer white space.</summary>
    public static bool SameText(string requested, string decided) =>
        string.Equals(CanonicalText(requested), CanonicalText(decided), StringComparison.Ordinal);

    public static bool SameSet(IEnumerable<string> requested, IEnumerable<string> decided) =>
        requested.ToHashSet(StringComparer.Ordinal).SetEquals(decided);

    private static string CanonicalText(string text) => text.Normalize(NormalizationForm.FormC).ReplaceLineEndings("\n").Trim();

    private static string DefaultFileName(string decisionId)
    {
        var name = new StringBuilder(decisionId.Length);
        foreach (var character in decisionId)
        {
            name.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' ? character : '-');
        }

        return name + ".json";
    }

    private static CoordinatorCommandException Mismatch(string part) =>
        new(ExitCodes.Failure, Messages.Format(SignalStrings.DecisionMismatch, part));
}
