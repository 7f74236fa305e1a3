namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Test of a <see cref="FieldConditionOptions"/>. Text comparisons ignore case and surrounding white
/// space. Where a field has several values, a positive test holds when any value passes and a negative
/// test (<see cref="NotEqual"/>, <see cref="NotIn"/>, <see cref="Empty"/>) only when all values pass.
/// </summary>
public enum ConditionOperator
{
    /// <summary>The value equals <see cref="FieldConditionOptions.Value"/>.</summary>
    Equal = 1,

    /// <summary>The value differs from <see cref="FieldConditionOptions.Value"/>.</summary>
    NotEqual,

    /// <summary>The value is one of <see cref="FieldConditionOptions.Values"/>.</summary>
    In,

    /// <summary>The value is not one of <see cref="FieldConditionOptions.Values"/>.</summary>
    NotIn,

    /// <summary>The field has a value that is not empty or white space.</summary>
    NotEmpty,

    /// <summary>The field is missing, empty or white space.</summary>
    Empty,

    /// <summary>The value is a date on or after the date in <see cref="FieldConditionOptions.Value"/>.</summary>
    OnOrAfter,

    /// <summary>The value is a date before the date in <see cref="FieldConditionOptions.Value"/>.</summary>
    Before,
}
