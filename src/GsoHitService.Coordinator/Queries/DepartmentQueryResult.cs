using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Queries;

/// <summary>The outcome of asking one department: its recorded outcome, the combined answers per cell and the token counts for the audit log.</summary>
/// <param name="Outcome">The department outcome to record.</param>
/// <param name="Answers">One answer per cell of the probe set; all unavailable unless the department answered.</param>
/// <param name="Counts">How many tokens were asked and how the agent answered them.</param>
/// <param name="ReasonCode">The reason code of an outcome other than answered, else null.</param>
internal sealed record DepartmentQueryResult(
    DepartmentQueryOutcome Outcome,
    IReadOnlyList<HitQueryAnswer> Answers,
    AuditCounts Counts,
    string? ReasonCode)
{
    public static DepartmentQueryResult Answered(DepartmentProbeSet probes, ReadOnlySpan<HitAnswer> tokenAnswers, DateTimeOffset? indexLoadedAt)
    {
        int hits = 0, noHits = 0, notHeld = 0, unavailable = 0;
        foreach (var answer in tokenAnswers)
        {
            switch (answer)
            {
                case HitAnswer.Hit: hits++; break;
                case HitAnswer.NoHit: noHits++; break;
                case HitAnswer.NotHeld: notHeld++; break;
                default: unavailable++; break;
            }
        }

        return new DepartmentQueryResult(
            new DepartmentQueryOutcome(probes.Department, DepartmentOutcome.Answered, null, indexLoadedAt),
            probes.CombineAnswers(tokenAnswers).ToArray(),
            new AuditCounts(probes.TokenCount, hits, noHits, notHeld, unavailable),
            null);
    }

    public static DepartmentQueryResult Failed(DepartmentProbeSet probes, AgentCallFailure failure) =>
        new(
            new DepartmentQueryOutcome(probes.Department, failure.Outcome, failure.Reason, null),
            probes.UnavailableAnswers().ToArray(),
            new AuditCounts(probes.TokenCount, 0, 0, 0, probes.TokenCount),
            failure.ReasonCode);
}
