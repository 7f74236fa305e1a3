using GsoHitService.Decisions.Tests.Support;
using GsoHitService.Matching;
using static GsoHitService.Decisions.Tests.Support.RawPayload;

namespace GsoHitService.Decisions.Tests;

public sealed class DecisionEncodingTests
{
    [Fact]
    public void Encode_PrivacyCheck1_RoundTrips()
    {
        var decision = Samples.PrivacyCheck1();

        var decoded = Assert.IsType<PrivacyCheck1Decision>(DecisionEncoding.Decode(DecisionEncoding.Encode(decision)));

        Assert.Equal(decision.DecisionId, decoded.DecisionId);
        Assert.Equal(decision.SignalId, decoded.SignalId);
        Assert.Equal(decision.Validity, decoded.Validity);
        Assert.Equal(decision.Purpose, decoded.Purpose);
        Assert.Equal(decision.LegalBasis, decoded.LegalBasis);
        Assert.Equal(decision.TokenContext, decoded.TokenContext);
        Assert.Equal(decision.IdentifierTypes.Order(), decoded.IdentifierTypes);
        Assert.Equal(decision.Departments.OrderBy(set => set.Department, StringComparer.Ordinal), decoded.Departments);
    }

    [Fact]
    public void Encode_PrivacyCheck2_RoundTrips()
    {
        var decision = Samples.PrivacyCheck2();

        var decoded = Assert.IsType<PrivacyCheck2Decision>(DecisionEncoding.Decode(DecisionEncoding.Encode(decision)));

        Assert.Equal(decision.DecisionId, decoded.DecisionId);
        Assert.Equal(decision.CaseId, decoded.CaseId);
        Assert.Equal(decision.Department, decoded.Department);
        Assert.Equal(decision.Validity, decoded.Validity);
        Assert.Equal(decision.TokenContext, decoded.TokenContext);
        Assert.Equal(decision.Fields.Order(StringComparer.Ordinal), decoded.Fields);
        Assert.Equal(decision.Recipients.Order(StringComparer.Ordinal), decoded.Recipients);
        Assert.Equal(decision.Subjects.Select(subject => subject.SubjectRef), decoded.Subjects.Select(subject => subject.SubjectRef));
        for (var i = 0; i < decision.Subjects.Count; i++)
        {
            Assert.Equal(decision.Subjects[i].Tokens.ToHashSet(), decoded.Subjects[i].Tokens.ToHashSet());
        }
    }

    [Fact]
    public void Encode_SetsInAnyOrder_GiveSamePayload()
    {
        var decision = Samples.PrivacyCheck2();
        var reordered = decision with
        {
            Fields = [.. decision.Fields.Reverse()],
            Recipients = [.. decision.Recipients.Reverse()],
            Subjects = [.. decision.Subjects.Reverse().Select(subject => subject with { Tokens = [.. subject.Tokens.Reverse()] })],
        };

        Assert.Equal(DecisionEncoding.Encode(decision), DecisionEncoding.Encode(reordered));
    }

    [Fact]
    public void Encode_PrivacyCheck2_MatchesFormatByteForByte()
    {
        var decision = new PrivacyCheck2Decision
        {
            DecisionId = "d1",
            CaseId = "c1",
            Department = "brp",
            Validity = new ValidityPeriod(DateTimeOffset.FromUnixTimeSeconds(1_000), DateTimeOffset.FromUnixTimeSeconds(2_000)),
            Purpose = "doel",
            LegalBasis = "grond",
            TokenContext = new TokenContext(1, "nl-1", "e1"),
            Subjects = [new ReleaseSubject("s1", [Samples.Token(IdentifierType.KvkNumber, 0x22), Samples.Token(IdentifierType.Bsn, 0x11)])],
            Fields = ["naam", "adres"],
            Recipients = ["r1"],
        };
        var expected = new RawPayload { Kind = 2 };
        expected.Fields.AddRange(
        [
            (1, "d1"u8.ToArray()),
            (2, Int64(1_000)),
            (3, Int64(2_000)),
            (4, "doel"u8.ToArray()),
            (5, "grond"u8.ToArray()),
            (6, UInt16(1)),
            (7, "nl-1"u8.ToArray()),
            (8, "e1"u8.ToArray()),
            (32, "c1"u8.ToArray()),
            (33, "brp"u8.ToArray()),
            (34, [.. UInt16(1), .. ShortText("s1"), .. UInt16(2), .. Token(1, 0x11), .. Token(3, 0x22)]),
            (35, IdSet("adres", "naam")),
            (36, IdSet("r1")),
        ]);

        Assert.Equal(Convert.ToHexString(expected.ToArray()), Convert.ToHexString(DecisionEncoding.Encode(decision)));
    }

    [Fact]
    public void Encode_PrivacyCheck1_WritesDigestAndCountPerDepartment()
    {
        var tokens = new[] { Samples.Token(IdentifierType.Bsn, 1), Samples.Token(IdentifierType.Bsn, 2) };
        var decision = Samples.PrivacyCheck1(new Dictionary<string, IReadOnlyCollection<SubjectToken>> { ["brp"] = tokens });

        var raw = RawPayload.Parse(DecisionEncoding.Encode(decision));

        Assert.Equal([.. UInt16(1), .. ShortText("brp"), .. SubjectSetDigest.Compute(tokens).Hash.ToArray(), .. UInt32(2)], raw.ValueOf(18));
    }

    [Fact]
    public void Create_TokensOfUnlistedType_Throws()
    {
        var tokens = new Dictionary<string, IReadOnlyCollection<SubjectToken>> { ["brp"] = [Samples.Token(IdentifierType.Iban)] };

        var exception = Assert.Throws<ArgumentException>(() => PrivacyCheck1Decision.Create(
            "d", "s", Samples.Validity(), "doel", "grond", Samples.Context, tokens, [IdentifierType.Bsn]));

        Assert.Contains("Iban", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DepartmentWithoutTokens_Throws()
    {
        var tokens = new Dictionary<string, IReadOnlyCollection<SubjectToken>> { ["brp"] = [] };

        Assert.Throws<ArgumentException>(() => Samples.PrivacyCheck1(tokens));
    }

    [Fact]
    public void Create_WithoutTypes_AllowsTypesOfTokens()
    {
        var decision = Samples.PrivacyCheck1();

        Assert.Equal([IdentifierType.Bsn, IdentifierType.KvkNumber], decision.IdentifierTypes.Order());
    }

    public static TheoryData<string, Func<PrivacyCheck2Decision, PrivacyCheck2Decision>> InvalidModels => new()
    {
        { "decision id", decision => decision with { DecisionId = "" } },
        { "decision id", decision => decision with { DecisionId = "met spatie" } },
        { "decision id", decision => decision with { DecisionId = new string('a', 129) } },
        { "case id", decision => decision with { CaseId = "casus\u00e9" } },
        { "purpose", decision => decision with { Purpose = "" } },
        { "purpose", decision => decision with { Purpose = "tekst\u001b[31m" } },
        { "purpose", decision => decision with { Purpose = "tekst\u202e" } },
        { "purpose", decision => decision with { Purpose = "e\u0301" } },
        { "purpose", decision => decision with { Purpose = new string('a', 2001) } },
        { "legal basis", decision => decision with { LegalBasis = "\ud800" } },
        { "field name", decision => decision with { Fields = ["adres", "adres"] } },
        { "field name", decision => decision with { Fields = [] } },
        { "recipient", decision => decision with { Recipients = ["a", "a"] } },
        { "subject", decision => decision with { Subjects = [] } },
        { "subject", decision => decision with { Subjects = [new("s", [Samples.Token()]), new("s", [Samples.Token()])] } },
        { "token", decision => decision with { Subjects = [new("s", [Samples.Token(IdentifierType.Bsn, 1), Samples.Token(IdentifierType.Bsn, 1)])] } },
        { "earlier subject", decision => decision with { Subjects = [new("s1", [Samples.Token(IdentifierType.Bsn, 1)]), new("s2", [Samples.Token(IdentifierType.Bsn, 1)])] } },
        { "tokens", decision => decision with { Subjects = [new("s", [])] } },
        { "identifier type", decision => decision with { Subjects = [new("s", [Samples.Token((IdentifierType)99, 1)])] } },
        { "token scheme", decision => decision with { TokenContext = Samples.Context with { TokenSchemeVersion = 0 } } },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public void Encode_InvalidModel_ThrowsNamingTheRule(string expectedInMessage, Func<PrivacyCheck2Decision, PrivacyCheck2Decision> change)
    {
        var decision = change(Samples.PrivacyCheck2());

        var exception = Assert.ThrowsAny<ArgumentException>(() => DecisionEncoding.Encode(decision));

        Assert.Contains(expectedInMessage, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ValidityPeriod_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ValidityPeriod(Samples.Now, Samples.Now));
    }

    [Fact]
    public void ValidityPeriod_SubSecondsAndOffset_AreNormalised()
    {
        var period = new ValidityPeriod(
            new DateTimeOffset(2026, 3, 12, 10, 0, 0, 900, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 3, 13, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(TimeSpan.Zero, period.From.Offset);
    }
}
