namespace GsoHitService.Matching;

/// <summary>
/// A validation rule that an identifier value can break. Import reports count rejected rows per
/// rule, and users see a Dutch message per rule (see <see cref="IdentifierMessages"/>).
/// </summary>
/// <remarks>
/// The numeric values are stable because reports may store them; new rules get new numbers.
/// <c>default</c> (0) is not a rule: <see cref="IdentifierNormalizer.TryWriteEncoded"/> returns it
/// when a value passes.
/// </remarks>
public enum IdentifierRule
{
    /// <summary>The value is empty or only white space.</summary>
    Empty = 1,

    /// <summary>The value contains a character that the type does not allow.</summary>
    InvalidCharacter = 2,

    /// <summary>The value has the wrong number of digits or characters for its type.</summary>
    WrongLength = 3,

    /// <summary>The 11-test (elfproef) of a BSN or RSIN fails.</summary>
    Elfproef = 4,

    /// <summary>A value of only zeros: a placeholder, never an issued number.</summary>
    AllZeros = 5,

    /// <summary>
    /// A digits-only value is shorter than its type by the leading zeros that a numeric column
    /// drops, and the column does not declare <see cref="ColumnOptions.RestoreLeadingZeros"/>.
    /// </summary>
    LeadingZerosMissing = 6,

    /// <summary>
    /// The value shows what a spreadsheet made of it: a month abbreviation (<c>12-feb</c>),
    /// <c>E+</c> notation (<c>1,23457E+11</c>) or a decimal part (<c>12345672.0</c>).
    /// </summary>
    ExcelArtefact = 7,

    /// <summary>A text form does not have the documented parts separated by <c>;</c>.</summary>
    TextFormInvalid = 8,

    /// <summary>The object type code of a BAG id (digits 5 and 6) is not a BAG object type.</summary>
    BagObjectTypeUnknown = 9,

    /// <summary>An address is expected, but the BAG id is a pand or an openbare ruimte.</summary>
    BagObjectNotAddressable = 10,

    /// <summary>The <c>NL.IMBAG.&lt;Objecttype&gt;.</c> prefix names another object type than the id's code.</summary>
    BagPrefixMismatch = 11,

    /// <summary>The address has no postcode.</summary>
    PostcodeMissing = 12,

    /// <summary>The postcode is not 4 digits followed by 2 letters.</summary>
    PostcodeFormat = 13,

    /// <summary>The postcode starts with 0; Dutch postcodes start at 1000.</summary>
    PostcodeFirstDigitZero = 14,

    /// <summary>The postcode letters are SA, SD or SS, which are not issued.</summary>
    PostcodeLetterPairNotIssued = 15,

    /// <summary>The address has no huisnummer.</summary>
    HouseNumberMissing = 16,

    /// <summary>The huisnummer is not a number, or free text does not start with one.</summary>
    HouseNumberNotNumeric = 17,

    /// <summary>The huisnummer is not in the range 1 to 99999.</summary>
    HouseNumberOutOfRange = 18,

    /// <summary>The huisletter is not exactly one letter A to Z.</summary>
    HouseLetterInvalid = 19,

    /// <summary>The huisnummertoevoeging is longer than 4 characters or has other characters than letters, digits, spaces or dashes.</summary>
    AdditionInvalid = 20,

    /// <summary>The free house-number text carries a huisletter or toevoeging and the separate field does too.</summary>
    HouseNumberConflict = 21,

    /// <summary>
    /// The record has an <c>aanduidingBijHuisnummer</c> (<c>to</c> tegenover, <c>by</c> bij), so it
    /// describes a location near the address and must not match the address itself.
    /// </summary>
    LocationDesignation = 22,

    /// <summary>The letter/digit shape of the kenteken matches none of the RDW sidecodes 1 to 14.</summary>
    UnknownSidecode = 23,

    /// <summary>The kenteken is a special plate (royal house, corps diplomatique, border traffic) that is out of scope.</summary>
    SpecialPlate = 24,

    /// <summary>The kenteken has a letter that its series does not use (vowels, C, Q from sidecode 4 on).</summary>
    PlateLettersNotIssued = 25,

    /// <summary>The kenteken has a letter combination that the RDW does not issue (for example SS, SD, GVD).</summary>
    PlateCombinationNotIssued = 26,

    /// <summary>A dash or space in the kenteken sits inside a letter or digit group of its sidecode.</summary>
    PlateSeparatorMisplaced = 27,

    /// <summary>The IBAN starts with a country code that has no IBAN format in the ISO 13616 registry.</summary>
    IbanCountryUnknown = 28,

    /// <summary>The IBAN check digits or account part do not have the country's format.</summary>
    IbanFormat = 29,

    /// <summary>The ISO 13616 mod-97 check of the IBAN fails.</summary>
    IbanChecksum = 30,

    /// <summary>The surname + birth date has no geslachtsnaam.</summary>
    SurnameMissing = 31,

    /// <summary>The geslachtsnaam is the BRP standard value <c>.</c> (unknown), which gives no key.</summary>
    UnknownSurname = 32,

    /// <summary>The text after the comma of a trailing voorvoegsel (<c>Meer, van der</c>) is not a known voorvoegsel.</summary>
    UnknownPrefix = 33,

    /// <summary>The surname + birth date has no birth date.</summary>
    BirthDateMissing = 34,

    /// <summary>The birth date is <c>00000000</c> (unknown), which gives no key.</summary>
    UnknownBirthDate = 35,

    /// <summary>
    /// The date does not exist (30 February, month 13) or has a known part under an unknown one
    /// (<c>19660013</c>: a day without a month).
    /// </summary>
    ImpossibleDate = 36,

    /// <summary>The date matches none of the column's declared formats (or, with none declared, neither yyyyMMdd nor yyyy-MM-dd).</summary>
    UndeclaredDateFormat = 37,
}
