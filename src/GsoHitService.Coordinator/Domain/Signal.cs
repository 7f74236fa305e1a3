using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Domain;

/// <summary>
/// An incoming indication of subversive crime, as the information coordinator registered it.
/// Title, reporter and description are free text that may name people, so the store encrypts them.
/// </summary>
/// <param name="Id">The signal's id.</param>
/// <param name="Title">Short title.</param>
/// <param name="Reporter">Where the signal came from, for example "melding politie"; may be anonymous.</param>
/// <param name="Description">Free-text description.</param>
/// <param name="RegisteredAt">When the store recorded the signal (UTC, microsecond precision).</param>
/// <param name="Subjects">The subjects, in the order in which they were registered.</param>
public sealed record Signal(
    SignalId Id,
    string Title,
    string Reporter,
    string Description,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<Subject> Subjects)
{
    /// <summary>Returns the id and subject count only, so that free text never reaches a log by accident.</summary>
    public override string ToString() => $"Signal({Id}, {Subjects.Count} subjects)";
}

/// <summary>A person or organisation that a signal is about.</summary>
/// <param name="Id">The subject's id.</param>
/// <param name="Label">Short label that users see in the hit matrix, for example "Betrokkene A".</param>
/// <param name="Kind">Person or organisation.</param>
/// <param name="Identifiers">Validated identifiers in canonical form, in the order in which they were entered.</param>
public sealed record Subject(
    SubjectId Id,
    string Label,
    SubjectKind Kind,
    IReadOnlyList<CanonicalIdentifier> Identifiers)
{
    /// <summary>Returns the id and identifier count only, so that labels and values never reach a log.</summary>
    public override string ToString() => $"Subject({Id}, {Kind}, {Identifiers.Count} identifiers)";
}

/// <summary>Whether a subject is a natural person or an organisation. Stored as its number.</summary>
public enum SubjectKind
{
    /// <summary>A natural person ("persoon").</summary>
    Person = 1,

    /// <summary>A company, foundation or other organisation ("organisatie").</summary>
    Organisation = 2,
}

/// <summary>A signal to register; the store assigns the ids and the registration time.</summary>
public sealed record NewSignal(
    string Title,
    string Reporter,
    string Description,
    IReadOnlyList<NewSubject> Subjects)
{
    /// <summary>Returns the subject count only, so that free text never reaches a log by accident.</summary>
    public override string ToString() => $"NewSignal({Subjects.Count} subjects)";
}

/// <summary>A subject to register with its validated identifiers.</summary>
public sealed record NewSubject(
    string Label,
    SubjectKind Kind,
    IReadOnlyList<CanonicalIdentifier> Identifiers)
{
    /// <summary>Returns the identifier count only, so that labels and values never reach a log.</summary>
    public override string ToString() => $"NewSubject({Kind}, {Identifiers.Count} identifiers)";
}
