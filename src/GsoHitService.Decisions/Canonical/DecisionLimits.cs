namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Upper bounds that the decoder enforces, so that a hostile payload cannot make an agent allocate
/// without limit. They are far above what one GSO signal or case needs.
/// </summary>
internal static class DecisionLimits
{
    public const int MaxDepartments = 64;
    public const int MaxSubjects = 1000;
    public const int MaxTokensPerSubject = 64;
    public const int MaxFields = 256;
    public const int MaxRecipients = 64;
}
