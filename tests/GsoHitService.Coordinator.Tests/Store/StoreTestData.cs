using System.Text.Json;
using System.Text.Json.Serialization;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Tests.Store;

/// <summary>
/// Entities for the store tests. The personal values are distinctive, so a raw scan of the
/// database cannot find them by chance. One name is non-ASCII to check UTF-8 round trips.
/// </summary>
internal static class StoreTestData
{
    public const string Bsn = "123456782";
    public const string KvkNumber = "87654321";
    public const string Iban = "NL91ABNA0417164300";
    public const string Surname = "Quaxelaar-Müller";
    public const string Postcode = "7411QZ";
    public const string Title = "Hennepkwekerij Zonnebloemstraat";
    public const string Reporter = "Melding wijkagent Xandriaan";
    public const string Description = "Buren ruiken hennep en zien afgeplakte ramen bij Ophelia Quaxelaar.";
    public const string PersonLabel = "Betrokkene Ophelia";
    public const string OrganisationLabel = "Betrokkene Quirinus Holding";
    public const string ReleasedValue = "Exploitatievergunning Zwarte Kat 2023-114";
    public const string ReleasedSource = "Vergunningregister Horeca Xyloom";

    public const string Brp = "brp";
    public const string Permits = "vergunningen";
    public const string Taxes = "belastingen";

    /// <summary>The personal values above that must never appear in the database or the logs.</summary>
    public static IReadOnlyList<string> PersonalValues { get; } =
    [
        Bsn, KvkNumber, Iban, Surname, Postcode, Title, Reporter, Description,
        PersonLabel, OrganisationLabel, ReleasedValue, ReleasedSource,
    ];

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Converters = { new CanonicalIdentifierConverter(), new JsonStringEnumConverter() },
    };

    public static NewSignal Signal() =>
        new(
            Title,
            Reporter,
            Description,
            [
                new NewSubject(
                    PersonLabel,
                    SubjectKind.Person,
                    [
                        new CanonicalIdentifier(IdentifierType.Bsn, [Bsn]),
                        new CanonicalIdentifier(IdentifierType.Address, [Postcode, "12", "a", ""]),
                        new CanonicalIdentifier(IdentifierType.SurnameBirthDate, ["van", Surname, "1985-03-07"]),
                    ]),
                new NewSubject(
                    OrganisationLabel,
                    SubjectKind.Organisation,
                    [
                        new CanonicalIdentifier(IdentifierType.KvkNumber, [KvkNumber]),
                        new CanonicalIdentifier(IdentifierType.Iban, [Iban]),
                    ]),
            ]);

    /// <summary>A privacy check 1 decision on every subject of the signal for the given departments.</summary>
    public static NewDecision PrivacyCheck1(Signal signal, params string[] departments) =>
        new(
            DecisionId.New(),
            DecisionKind.PrivacyCheck1,
            signal.Id,
            null,
            departments.Select(department => new DecisionScope(department, signal.Subjects.Select(subject => subject.Id).ToArray())).ToArray(),
            [IdentifierType.Bsn, IdentifierType.KvkNumber, IdentifierType.Address],
            [],
            [],
            "Onderzoek naar ondermijning in de horeca",
            "Gemeentewet art. 174a en Wet Bibob",
            new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            [0x01, 0x02, 0x03, 0xFE],
            [new DecisionSignature("voorzitter", Enumerable.Repeat((byte)0xA1, 64).ToArray()), new DecisionSignature("privacy-officer", Enumerable.Repeat((byte)0xB2, 64).ToArray())]);

    /// <summary>A prepared privacy check 1 decision: BRP on both subjects, permits on the organisation only.</summary>
    public static NewPreparedDecision PreparedPrivacyCheck1(Signal signal) =>
        new(
            DecisionId.New(),
            DecisionKind.PrivacyCheck1,
            signal.Id,
            null,
            [
                new DecisionScope(Brp, signal.Subjects.Select(subject => subject.Id).ToArray()),
                new DecisionScope(Permits, [signal.Subjects[1].Id]),
            ],
            [0x47, 0x53, 0x4F, 0x01]);

    /// <summary>A privacy check 2 decision that releases two permit fields on the first subject.</summary>
    public static NewDecision PrivacyCheck2(Signal signal, CaseId caseId) =>
        new(
            DecisionId.New(),
            DecisionKind.PrivacyCheck2,
            signal.Id,
            caseId,
            [new DecisionScope(Permits, [signal.Subjects[0].Id])],
            [],
            ["vergunningnummer", "vergunningsoort"],
            ["casusregisseur", "handhaver"],
            "Casusoverleg horecapand",
            "Wet Bibob art. 7a",
            new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 19, 8, 0, 0, TimeSpan.Zero),
            [0x02, 0x10, 0x20],
            [new DecisionSignature("jurist", Enumerable.Repeat((byte)0xC3, 64).ToArray())]);

    /// <summary>A completion in which permits hit on the person's BSN and taxes were unavailable.</summary>
    public static HitQueryCompletion CompletionWithHit(Signal signal, DateTimeOffset indexLoadedAt)
    {
        var person = signal.Subjects[0].Id;
        var organisation = signal.Subjects[1].Id;
        return new HitQueryCompletion(
            [
                new DepartmentQueryOutcome(Brp, DepartmentOutcome.Answered, null, indexLoadedAt),
                new DepartmentQueryOutcome(Permits, DepartmentOutcome.Answered, null, indexLoadedAt.AddHours(-1)),
                new DepartmentQueryOutcome(Taxes, DepartmentOutcome.DeadlineExceeded, "Geen antwoord binnen 10 s", null),
            ],
            [
                new HitQueryAnswer(person, Brp, IdentifierType.Bsn, HitAnswer.NoHit),
                new HitQueryAnswer(person, Brp, IdentifierType.Address, HitAnswer.NoHit),
                new HitQueryAnswer(person, Permits, IdentifierType.Bsn, HitAnswer.Hit),
                new HitQueryAnswer(person, Permits, IdentifierType.Address, HitAnswer.NotHeld),
                new HitQueryAnswer(person, Taxes, IdentifierType.Bsn, HitAnswer.Unavailable),
                new HitQueryAnswer(organisation, Brp, IdentifierType.KvkNumber, HitAnswer.NotHeld),
                new HitQueryAnswer(organisation, Permits, IdentifierType.KvkNumber, HitAnswer.NoHit),
            ]);
    }

    /// <summary>A completion in which every department answered "no hit".</summary>
    public static HitQueryCompletion CompletionWithoutHit(Signal signal, params string[] departments) =>
        new(
            departments.Select(department => new DepartmentQueryOutcome(department, DepartmentOutcome.Answered, null, null)).ToArray(),
            departments.Select(department => new HitQueryAnswer(signal.Subjects[0].Id, department, IdentifierType.Bsn, HitAnswer.NoHit)).ToArray());

    public static NewContentRelease Release(Decision privacyCheck2, Signal signal) =>
        new(
            privacyCheck2.Id,
            Permits,
            [
                new ReleasedRecord(
                    signal.Subjects[0].Id,
                    ReleasedSource,
                    new Dictionary<string, string> { ["vergunningnummer"] = ReleasedValue, ["vergunningsoort"] = "exploitatie" }),
                new ReleasedRecord(
                    signal.Subjects[0].Id,
                    ReleasedSource,
                    new Dictionary<string, string> { ["vergunningnummer"] = "Terrasvergunning 2024-007" }),
            ]);

    /// <summary>Serialises an entity for a whole-value comparison.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>Writes type and fields only: <see cref="CanonicalIdentifier.Value"/> is not part of the stored form.</summary>
    private sealed class CanonicalIdentifierConverter : JsonConverter<CanonicalIdentifier>
    {
        public override CanonicalIdentifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, CanonicalIdentifier value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("type", IdentifierTypes.ToName(value.Type));
            writer.WriteStartArray("fields");
            foreach (var field in value.Fields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
