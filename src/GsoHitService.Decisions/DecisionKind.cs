namespace GsoHitService.Decisions;

/// <summary>
/// Kind of kerngroep decision. The numeric values are written into the canonical encoding and the
/// signature context, so they never change meaning.
/// </summary>
public enum DecisionKind : byte
{
    /// <summary>Privacy check 1: which departments may be asked about which subjects.</summary>
    PrivacyCheck1 = 1,

    /// <summary>Privacy check 2: which fields of which subjects one department may release.</summary>
    PrivacyCheck2 = 2,
}
