namespace GsoHitService.Matching;

/// <summary>
/// A validation failure: the type of the value and the rule it broke. Carries no part of the value.
/// </summary>
public readonly record struct IdentifierError(IdentifierType Type, IdentifierRule Rule);
