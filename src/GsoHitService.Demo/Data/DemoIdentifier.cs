using GsoHitService.Matching;

namespace GsoHitService.Demo.Data;

/// <summary>
/// One identifier of a scenario subject, written as a user would type it, with the answer that
/// each demo department must give for it.
/// </summary>
/// <param name="Type">The identifier type.</param>
/// <param name="Value">
/// The value as typed, in the text forms that <c>gso</c> accepts: for an address
/// <c>POSTCODE;HUISNUMMER[;HUISLETTER[;TOEVOEGING]]</c>, for surname + birth date
/// <c>ACHTERNAAM;GEBOORTEDATUM</c> with an ISO date.
/// </param>
/// <param name="ExpectedAnswers">The expected answer per department name in <see cref="DemoDepartments"/>.</param>
public sealed record DemoIdentifier(IdentifierType Type, string Value, IReadOnlyDictionary<string, ExpectedAnswer> ExpectedAnswers)
{
    /// <summary>Gets the expected answer of one department.</summary>
    /// <exception cref="ArgumentException">The department is not one of <see cref="DemoDepartments.All"/>.</exception>
    public ExpectedAnswer ExpectedAnswerOf(string department) =>
        ExpectedAnswers.TryGetValue(department, out var answer)
            ? answer
            : throw new ArgumentException($"'{department}' is not a demo department; use one of {string.Join(", ", DemoDepartments.All)}.", nameof(department));

    /// <summary>Returns the type only, so that the value never reaches a log by accident.</summary>
    public override string ToString() => $"DemoIdentifier({IdentifierTypes.ToName(Type)})";
}
