namespace GsoHitService.Matching;

/// <summary>
/// How a source writes huisnummer, huisletter and huisnummertoevoeging when it keeps them in one
/// free text field, for example <c>12a</c>, <c>12-2</c> or <c>12 A 2</c>. The text must start
/// with the huisnummer; spaces and dashes separate the parts. The examples show huisnummer /
/// huisletter / toevoeging.
/// </summary>
public enum HouseNumberConvention
{
    /// <summary>
    /// The source keeps huisnummer, huisletter and toevoeging in separate fields, so the
    /// huisnummer field contains digits only.
    /// </summary>
    SeparateFields = 0,

    /// <summary>
    /// The BAG-style split: a single letter right after the number, with or without a space or
    /// dash, is the huisletter, and the rest is the toevoeging. <c>12a</c>, <c>12-A</c> and
    /// <c>12 a</c> give 12 / A / –; <c>12 A 2</c> and <c>12A-2</c> give 12 / A / 2; <c>12-2</c>
    /// gives 12 / – / 2; <c>12bis</c> gives 12 / – / BIS (more than one letter is a toevoeging).
    /// </summary>
    LetterThenAddition = 1,

    /// <summary>
    /// Only a single letter joined to the number is the huisletter; after a space or dash
    /// everything is toevoeging. <c>12a</c> and <c>12a-2</c> give 12 / A / – and 12 / A / 2;
    /// <c>12-A</c> and <c>12 A</c> give 12 / – / A; <c>12-2</c> gives 12 / – / 2.
    /// </summary>
    AttachedLetterOnly = 2,

    /// <summary>
    /// The source has no huisletter: everything after the number is the toevoeging.
    /// <c>12a</c> gives 12 / – / A; <c>12-2</c> gives 12 / – / 2.
    /// </summary>
    AdditionOnly = 3,
}
