namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Field tags of the canonical encoding, version 1. Fields appear in ascending tag order, each
/// exactly once; the tags of one kind are listed in <see cref="DecisionFields"/>.
/// </summary>
internal enum DecisionField : byte
{
    DecisionId = 1,
    ValidFrom = 2,
    ValidUntil = 3,
    Purpose = 4,
    LegalBasis = 5,
    TokenSchemeVersion = 6,
    NormaliserProfile = 7,
    KeyEpoch = 8,

    SignalId = 16,
    IdentifierTypes = 17,
    Departments = 18,

    CaseId = 32,
    Department = 33,
    Subjects = 34,
    ReleasedFields = 35,
    Recipients = 36,
}

internal static class DecisionFields
{
    private static readonly DecisionField[] Common =
    [
        DecisionField.DecisionId,
        DecisionField.ValidFrom,
        DecisionField.ValidUntil,
        DecisionField.Purpose,
        DecisionField.LegalBasis,
        DecisionField.TokenSchemeVersion,
        DecisionField.NormaliserProfile,
        DecisionField.KeyEpoch,
    ];

    public static readonly DecisionField[] PrivacyCheck1 =
        [.. Common, DecisionField.SignalId, DecisionField.IdentifierTypes, DecisionField.Departments];

    public static readonly DecisionField[] PrivacyCheck2 =
        [.. Common, DecisionField.CaseId, DecisionField.Department, DecisionField.Subjects, DecisionField.ReleasedFields, DecisionField.Recipients];

    public static DecisionField[] For(DecisionKind kind) => kind switch
    {
        DecisionKind.PrivacyCheck1 => PrivacyCheck1,
        DecisionKind.PrivacyCheck2 => PrivacyCheck2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision kind."),
    };
}
