using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Decisions;

/// <summary>
/// Writes a decision as aligned label-value lines in the user's language. Match tokens appear only
/// as counts and short fingerprints; a decision contains no raw identifiers.
/// </summary>
internal static class DecisionRenderer
{
    public static void Render(Decision decision, IReadOnlyList<DecisionSignature> signatures, TextWriter output)
    {
        var lines = new List<(string Label, string Value)>
        {
            (DecisionStrings.LabelDecisionId, decision.DecisionId),
        };

        switch (decision)
        {
            case PrivacyCheck1Decision privacyCheck1:
                output.WriteLine(DecisionStrings.KindPrivacyCheck1);
                lines.Add((DecisionStrings.LabelSignal, privacyCheck1.SignalId));
                break;
            case PrivacyCheck2Decision privacyCheck2:
                output.WriteLine(DecisionStrings.KindPrivacyCheck2);
                lines.Add((DecisionStrings.LabelCase, privacyCheck2.CaseId));
                lines.Add((DecisionStrings.LabelDepartment, privacyCheck2.Department));
                break;
        }

        lines.Add((DecisionStrings.LabelValidFrom, FormatTime(decision.Validity.From)));
        lines.Add((DecisionStrings.LabelValidUntil, FormatTime(decision.Validity.Until)));
        lines.Add((DecisionStrings.LabelPurpose, decision.Purpose));
        lines.Add((DecisionStrings.LabelLegalBasis, decision.LegalBasis));
        lines.Add((DecisionStrings.LabelTokenContext, Messages.Format(DecisionStrings.TokenContextValue,
            decision.TokenContext.TokenSchemeVersion, decision.TokenContext.NormaliserProfile, decision.TokenContext.KeyEpoch)));

        switch (decision)
        {
            case PrivacyCheck1Decision privacyCheck1:
                lines.Add((DecisionStrings.LabelIdentifierTypes, string.Join(", ", privacyCheck1.IdentifierTypes.Select(IdentifierTypes.ToName))));
                lines.Add((Messages.Format(DecisionStrings.LabelDepartments, privacyCheck1.Departments.Count), ""));
                lines.AddRange(privacyCheck1.Departments.Select(set => ("", "  " + Messages.Format(DecisionStrings.DepartmentLine,
                    set.Department, set.Subjects.TokenCount, set.Subjects.ToShortString()))));
                break;
            case PrivacyCheck2Decision privacyCheck2:
                lines.Add((Messages.Format(DecisionStrings.LabelSubjects, privacyCheck2.Subjects.Count), ""));
                lines.AddRange(privacyCheck2.Subjects.Select(subject => ("", "  " + Messages.Format(DecisionStrings.SubjectLine,
                    subject.SubjectRef, subject.Tokens.Count, string.Join(", ", subject.Tokens.Select(token => IdentifierTypes.ToName(token.Type)).Distinct())))));
                lines.Add((DecisionStrings.LabelFields, string.Join(", ", privacyCheck2.Fields)));
                lines.Add((DecisionStrings.LabelRecipients, string.Join(", ", privacyCheck2.Recipients)));
                break;
        }

        var signers = signatures.Count == 0 ? DecisionStrings.NotSignedYet : string.Join(", ", signatures.Select(signature => signature.MemberId));
        lines.Add((DecisionStrings.LabelSignedBy, signers));

        WriteAligned(lines, output);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DecisionStrings.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteAligned(List<(string Label, string Value)> lines, TextWriter output)
    {
        var width = lines.Max(line => line.Label.Length) + 2;
        foreach (var (label, value) in lines)
        {
            var prefix = label.Length == 0 ? new string(' ', width) : (label + ":").PadRight(width);

            // Free text may have several lines; continuation lines are indented under the value.
            var valueLines = value.Split('\n');
            output.WriteLine((prefix + valueLines[0]).TrimEnd());
            foreach (var continuation in valueLines.Skip(1))
            {
                output.WriteLine((new string(' ', width) + continuation).TrimEnd());
            }
        }
    }
}
