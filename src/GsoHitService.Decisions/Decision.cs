namespace GsoHitService.Decisions;

/// <summary>
/// A kerngroep decision as a model. <see cref="DecisionEncoding"/> turns it into the canonical
/// payload that members sign, and back. Lists may be given in any order: the encoding sorts them.
/// </summary>
public abstract record Decision
{
    private protected Decision()
    {
    }

    /// <summary>Kind of decision; fixes which fields the encoding carries.</summary>
    public abstract DecisionKind Kind { get; }

    /// <summary>Unique id of the decision, 1 to 128 printable ASCII characters without spaces.</summary>
    public required string DecisionId { get; init; }

    /// <summary>Period in which the decision may be used.</summary>
    public required ValidityPeriod Validity { get; init; }

    /// <summary>Purpose of the processing (doelbinding), free text shown to the signers.</summary>
    public required string Purpose { get; init; }

    /// <summary>Legal basis of the processing (verwerkingsgrondslag), free text shown to the signers.</summary>
    public required string LegalBasis { get; init; }

    /// <summary>Token scheme, normaliser profile and key epoch of the tokens in the decision.</summary>
    public required TokenContext TokenContext { get; init; }

    /// <summary>Returns whether the decision names <paramref name="department"/> (ordinal comparison).</summary>
    public abstract bool NamesDepartment(string department);
}
