namespace GsoHitService.Agent.Queries;

/// <summary>How many tokens of a query got each answer, for the audit log and operator logs.</summary>
internal readonly record struct ProbeAnswerCounts(long Hits, long NoHits, long NotHeld, long Unavailable)
{
    public static ProbeAnswerCounts Count(ReadOnlySpan<ProbeAnswer> answers)
    {
        long hits = 0, noHits = 0, notHeld = 0, unavailable = 0;
        foreach (var answer in answers)
        {
            switch (answer)
            {
                case ProbeAnswer.Hit: hits++; break;
                case ProbeAnswer.NoHit: noHits++; break;
                case ProbeAnswer.NotHeld: notHeld++; break;
                default: unavailable++; break;
            }
        }

        return new ProbeAnswerCounts(hits, noHits, notHeld, unavailable);
    }
}
