namespace GsoHitService.Matching;

/// <summary>
/// Thrown when an identifier value breaks a rule of its type. The message names the type and the
/// rule in English for operators and never contains the value; users get the Dutch text from
/// <see cref="IdentifierMessages.Describe(IdentifierError, System.Globalization.CultureInfo?)"/>.
/// </summary>
public sealed class IdentifierValidationException : FormatException
{
    public IdentifierValidationException(IdentifierError error)
        : base($"Invalid {IdentifierTypes.ToName(error.Type)} value: rule {error.Rule} failed.")
    {
        Error = error;
    }

    public IdentifierError Error { get; }

    public IdentifierType Type => Error.Type;

    public IdentifierRule Rule => Error.Rule;
}
