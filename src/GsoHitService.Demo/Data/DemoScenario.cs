using GsoHitService.Demo.Resources;
using GsoHitService.Matching;

namespace GsoHitService.Demo.Data;

/// <summary>
/// The signal that <c>gso demo</c> registers and queries, with the answer that every department
/// must give for every identifier, so that an end-to-end test can assert the hit matrix.
/// </summary>
/// <remarks>
/// The subjects: an RvIG test person with hits in all four departments through different
/// identifier types, the KvK test company she owns with hits in vergunningen and belastingen, and
/// a made-up person with no hit anywhere. docs/demo-data.md explains every expected answer.
/// </remarks>
public sealed class DemoScenario
{
    private DemoScenario(string signalDescription, IReadOnlyList<DemoSubject> subjects)
    {
        SignalDescription = signalDescription;
        Subjects = subjects;
    }

    /// <summary>The demo scenario. Its texts follow the current UI culture (Dutch by default).</summary>
    public static DemoScenario Default => Create();

    /// <summary>Omschrijving of the signal, for the signal register.</summary>
    public string SignalDescription { get; }

    /// <summary>The betrokkenen of the signal, in the order the demo prints them.</summary>
    public IReadOnlyList<DemoSubject> Subjects { get; }

    /// <summary>The departments that privacy check 1 approves: all four.</summary>
    public IReadOnlyList<string> Departments => DemoDepartments.All;

    private static DemoScenario Create()
    {
        var person = new DemoSubject(
            "Karin Koolmees",
            DemoSubjectKind.Person,
            [
                Identifier(IdentifierType.Bsn, "010 245 741", brp: ExpectedAnswer.Hit, permits: ExpectedAnswer.NoHit, taxes: ExpectedAnswer.Hit, social: ExpectedAnswer.Hit),
                Identifier(IdentifierType.Address, "1079 TX;2;A", brp: ExpectedAnswer.Hit, permits: ExpectedAnswer.Hit, taxes: ExpectedAnswer.Hit, social: ExpectedAnswer.Hit),
                Identifier(IdentifierType.SurnameBirthDate, "Koolmees;2000-10-31", brp: ExpectedAnswer.Hit, permits: ExpectedAnswer.NotHeld, taxes: ExpectedAnswer.NotHeld, social: ExpectedAnswer.Hit),
                Identifier(IdentifierType.LicencePlate, "sxt-52-r", brp: ExpectedAnswer.NotHeld, permits: ExpectedAnswer.Hit, taxes: ExpectedAnswer.NotHeld, social: ExpectedAnswer.NotHeld),
                Identifier(IdentifierType.LicencePlate, "ZGN-18-H", brp: ExpectedAnswer.NotHeld, permits: ExpectedAnswer.NoHit, taxes: ExpectedAnswer.NotHeld, social: ExpectedAnswer.NotHeld),
            ]);

        var company = new DemoSubject(
            "Test EMZ Dagobert",
            DemoSubjectKind.Organisation,
            [
                Identifier(IdentifierType.KvkNumber, "69599084", brp: ExpectedAnswer.NotHeld, permits: ExpectedAnswer.Hit, taxes: ExpectedAnswer.Hit, social: ExpectedAnswer.NotHeld),
                Identifier(IdentifierType.Address, "1034WL;17", brp: ExpectedAnswer.NoHit, permits: ExpectedAnswer.Hit, taxes: ExpectedAnswer.Hit, social: ExpectedAnswer.NoHit),
            ]);

        var nobody = new DemoSubject(
            "Sanne Oosterhuis",
            DemoSubjectKind.Person,
            [
                Identifier(IdentifierType.Bsn, "999990354", brp: ExpectedAnswer.NoHit, permits: ExpectedAnswer.NoHit, taxes: ExpectedAnswer.NoHit, social: ExpectedAnswer.NoHit),
                Identifier(IdentifierType.Address, "3512 je;40", brp: ExpectedAnswer.NoHit, permits: ExpectedAnswer.NoHit, taxes: ExpectedAnswer.NoHit, social: ExpectedAnswer.NoHit),
                Identifier(IdentifierType.SurnameBirthDate, "Oosterhuis;1983-04-17", brp: ExpectedAnswer.NoHit, permits: ExpectedAnswer.NotHeld, taxes: ExpectedAnswer.NotHeld, social: ExpectedAnswer.NoHit),
            ]);

        return new DemoScenario(DemoDataStrings.SignalDescription, [person, company, nobody]);
    }

    private static DemoIdentifier Identifier(
        IdentifierType type,
        string value,
        ExpectedAnswer brp,
        ExpectedAnswer permits,
        ExpectedAnswer taxes,
        ExpectedAnswer social) =>
        new(type, value, new Dictionary<string, ExpectedAnswer>(StringComparer.Ordinal)
        {
            [DemoDepartments.Brp] = brp,
            [DemoDepartments.Permits] = permits,
            [DemoDepartments.Taxes] = taxes,
            [DemoDepartments.SocialDomain] = social,
        });
}
