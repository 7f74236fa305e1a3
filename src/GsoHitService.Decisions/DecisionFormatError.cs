namespace GsoHitService.Decisions;

/// <summary>
/// Why a payload is not a valid canonical decision encoding.
/// </summary>
public enum DecisionFormatError
{
    /// <summary>The payload is larger than <see cref="DecisionEncoding.MaxPayloadBytes"/>.</summary>
    TooLarge = 1,

    /// <summary>The payload does not start with the decision domain label.</summary>
    NotADecision,

    /// <summary>The format version is not one that this build reads.</summary>
    UnsupportedVersion,

    /// <summary>The kind byte is not a known decision kind.</summary>
    UnknownKind,

    /// <summary>The payload ends inside a field or value.</summary>
    Truncated,

    /// <summary>Bytes follow the last field of the decision.</summary>
    TrailingBytes,

    /// <summary>A field tag is not defined for this kind of decision.</summary>
    UnknownField,

    /// <summary>A field appears twice.</summary>
    DuplicateField,

    /// <summary>A field appears after a field with a higher tag.</summary>
    FieldOutOfOrder,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field's value is shorter or longer than its length prefix states.</summary>
    FieldLengthMismatch,

    /// <summary>A text value is not valid UTF-8, not in Unicode normal form C, empty, too long, or contains a character that is not allowed.</summary>
    InvalidText,

    /// <summary>The items of a set are not in ascending canonical order.</summary>
    NonCanonicalOrder,

    /// <summary>A set contains the same item twice.</summary>
    DuplicateItem,

    /// <summary>A value breaks a rule of its own: an empty set, an undefined identifier type, a zero count, a period that ends before it starts.</summary>
    InvalidValue,
}
