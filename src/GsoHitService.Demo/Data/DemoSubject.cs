namespace GsoHitService.Demo.Data;

/// <summary>
/// A betrokkene of the demo signal: a label for the demo's own output and the identifiers that
/// the informatiecoördinator registers.
/// </summary>
/// <param name="Label">Name shown in the demo's hit matrix, for example <c>Karin Koolmees</c>.</param>
/// <param name="Kind">Person or organisation.</param>
/// <param name="Identifiers">Identifiers as typed, each with its expected answers.</param>
public sealed record DemoSubject(string Label, DemoSubjectKind Kind, IReadOnlyList<DemoIdentifier> Identifiers)
{
    /// <summary>
    /// Gets the subject's answer in one department as the hit matrix shows it: hit when any
    /// identifier hits, otherwise no hit when any identifier type is indexed, otherwise not held.
    /// </summary>
    public ExpectedAnswer ExpectedAnswerOf(string department)
    {
        var answers = Identifiers.Select(identifier => identifier.ExpectedAnswerOf(department)).ToList();
        if (answers.Contains(ExpectedAnswer.Hit))
        {
            return ExpectedAnswer.Hit;
        }

        return answers.Contains(ExpectedAnswer.NoHit) ? ExpectedAnswer.NoHit : ExpectedAnswer.NotHeld;
    }

    /// <summary>Returns the kind and count only, so that the label never reaches a log by accident.</summary>
    public override string ToString() => $"DemoSubject({Kind}, {Identifiers.Count} identifiers)";
}

/// <summary>Whether a subject is a natural person or an organisation.</summary>
public enum DemoSubjectKind
{
    Person = 1,
    Organisation = 2,
}
