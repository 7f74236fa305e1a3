namespace GsoHitService.Matching;

/// <summary>
/// A validation rule that an identifier value can break. Import reports count rejected rows per
/// rule, and users see a Dutch message per rule (see <see cref="IdentifierMessages"/>).
/// </summary>
/// <remarks>
/// Stub list: the identifiers implementation extends it with one member per rule it checks.
/// </remarks>
public enum IdentifierRule
{
    /// <summary>The value is empty or only white space.</summary>
    Empty = 1,

    /// <summary>The value contains a character that the type does not allow.</summary>
    InvalidCharacter,

    /// <summary>The value has the wrong number of digits or characters for its type.</summary>
    WrongLength,

    /// <summary>The 11-test (elfproef) of a BSN or RSIN fails.</summary>
    Elfproef,

    /// <summary>A value of only zeros.</summary>
    AllZeros,
}
