using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Coordinator;

/// <summary>Writes a decision as the coordinator recorded it.</summary>
internal static class DecisionViewWriter
{
    public static void Write(DecisionView decision, TextWriter output, LocalTimes times, string indent = "")
    {
        var none = CoordinatorStrings.None;
        new LabelledLines()
            .Add(CoordinatorStrings.LabelDecisionId, decision.DecisionId)
            .Add(CoordinatorStrings.LabelDecisionKind, WireNames.KindName(decision.Kind))
            .Add(CoordinatorStrings.LabelValidFrom, decision.ValidFrom is null ? none : times.Format(decision.ValidFrom))
            .Add(CoordinatorStrings.LabelValidUntil, decision.ValidUntil is null ? none : times.Format(decision.ValidUntil))
            .Add(CoordinatorStrings.LabelDepartments, decision.Departments.Count == 0 ? none : string.Join(", ", decision.Departments))
            .Add(CoordinatorStrings.LabelPurpose, OneLine(decision.Purpose))
            .Add(CoordinatorStrings.LabelLegalBasis, OneLine(decision.LegalBasis))
            .Add(CoordinatorStrings.LabelSignedBy, decision.SignedBy.Count == 0 ? none : string.Join(", ", decision.SignedBy))
            .Write(output, indent);
    }

    // Free text may contain line breaks; a list of decisions stays one block per decision.
    private static string OneLine(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
