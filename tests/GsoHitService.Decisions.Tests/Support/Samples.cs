using System.Security.Cryptography;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Tests.Support;

/// <summary>Sample decisions and tokens. Tokens are random bytes: no identifier is ever involved.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    public static readonly TokenContext Context = new(1, "nl-1", "2026-12");

    public static SubjectToken Token(IdentifierType type = IdentifierType.Bsn) =>
        new(type, new MatchToken(RandomNumberGenerator.GetBytes(MatchToken.Length)));

    public static SubjectToken Token(IdentifierType type, byte fill)
    {
        var bytes = new byte[MatchToken.Length];
        Array.Fill(bytes, fill);
        return new SubjectToken(type, new MatchToken(bytes));
    }

    public static SubjectToken[] Tokens(int count, IdentifierType type = IdentifierType.Bsn) =>
        Enumerable.Range(0, count).Select(_ => Token(type)).ToArray();

    public static ValidityPeriod Validity() => new(Now.AddHours(-1), Now.AddDays(7));

    public static PrivacyCheck1Decision PrivacyCheck1(
        IReadOnlyDictionary<string, IReadOnlyCollection<SubjectToken>>? tokensByDepartment = null,
        string decisionId = "pc1-2026-0001",
        ValidityPeriod? validity = null) =>
        PrivacyCheck1Decision.Create(
            decisionId,
            "signaal-42",
            validity ?? Validity(),
            "Nagaan of betrokkenen bekend zijn bij de afdelingen (GSO stap 6).",
            "Art. 6 lid 1 onder e AVG; Gemeentewet art. 172.",
            Context,
            tokensByDepartment ?? new Dictionary<string, IReadOnlyCollection<SubjectToken>>
            {
                ["brp"] = Tokens(3),
                ["vergunningen"] = [Token(IdentifierType.KvkNumber), Token(IdentifierType.Bsn)],
            });

    public static PrivacyCheck2Decision PrivacyCheck2(
        string decisionId = "pc2-2026-0001",
        IReadOnlyList<ReleaseSubject>? subjects = null,
        IReadOnlyList<string>? fields = null,
        ValidityPeriod? validity = null) => new()
        {
            DecisionId = decisionId,
            CaseId = "casus-7",
            Department = "vergunningen",
            Validity = validity ?? Validity(),
            Purpose = "Beeldvorming in casusoverleg.",
            LegalBasis = "Art. 6 lid 1 onder e AVG.",
            TokenContext = Context,
            Subjects = subjects ??
            [
                new ReleaseSubject("betrokkene-a", [Token(IdentifierType.Bsn), Token(IdentifierType.Address)]),
                new ReleaseSubject("betrokkene-b", [Token(IdentifierType.KvkNumber)]),
            ],
            Fields = fields ?? ["vergunningsoort", "adres", "datum-verleend"],
            Recipients = ["casus-lid-1", "casus-lid-2"],
        };
}
