using CsCheck;
using GsoHitService.Decisions.Tests.Support;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Tests;

/// <summary>
/// Properties of the canonical encoding over generated decisions and damaged payloads: every
/// decision round-trips, and any byte string that decodes re-encodes to itself, so no two
/// payloads carry the same decision.
/// </summary>
public sealed class DecisionEncodingPropertyTests
{
    private static readonly string[] TextSuffixes = ["", " één", "\nregel twee", " ĳzer", " § 3"];

    private static readonly Gen<string> Id = Gen.Char['!', '~'].Array[1, 12].Select(characters => new string(characters));

    private static readonly Gen<string> FreeText = Gen.Select(Gen.Char['a', 'z'].Array[1, 30], Gen.Int[0, TextSuffixes.Length - 1],
        (characters, suffix) => new string(characters) + TextSuffixes[suffix]);

    private static readonly Gen<SubjectToken> Token = Gen.Select(Gen.Int[1, 9], Gen.Byte.Array[MatchToken.Length],
        (type, bytes) => new SubjectToken((IdentifierType)type, new MatchToken(bytes)));

    private static readonly Gen<ValidityPeriod> Validity = Gen.Select(Gen.Long[0, 4_000_000_000], Gen.Long[1, 100_000_000],
        (from, length) => new ValidityPeriod(DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(from + length)));

    private static readonly Gen<TokenContext> Context = Gen.Select(Gen.Int[1, ushort.MaxValue], Id, Id,
        (version, profile, epoch) => new TokenContext(version, profile, epoch));

    private static readonly Gen<PrivacyCheck2Decision> PrivacyCheck2 =
        Gen.Select(
            Gen.Select(Id, Id, Id, Validity),
            Gen.Select(FreeText, FreeText, Context),
            Gen.Select(Id.ArrayUnique[1, 5], Token.Array[1, 4 * 5], Id.ArrayUnique[1, 6], Id.ArrayUnique[1, 4]),
            (ids, texts, sets) =>
            {
                var (decisionId, caseId, department, validity) = ids;
                var (purpose, legalBasis, context) = texts;
                var (subjectRefs, tokens, fields, recipients) = sets;
                var distinctTokens = tokens.Distinct().ToArray();
                var subjects = subjectRefs
                    .Select((subjectRef, i) => new ReleaseSubject(subjectRef, distinctTokens.Where((_, j) => j % subjectRefs.Length == i).ToArray()))
                    .Where(subject => subject.Tokens.Count > 0)
                    .ToArray();
                return new PrivacyCheck2Decision
                {
                    DecisionId = decisionId,
                    CaseId = caseId,
                    Department = department,
                    Validity = validity,
                    Purpose = purpose,
                    LegalBasis = legalBasis,
                    TokenContext = context,
                    Subjects = subjects,
                    Fields = fields,
                    Recipients = recipients,
                };
            });

    private static readonly Gen<PrivacyCheck1Decision> PrivacyCheck1 =
        Gen.Select(
            Gen.Select(Id, Id, Validity),
            Gen.Select(FreeText, FreeText, Context),
            Gen.Select(Id.ArrayUnique[1, 5], Token.Array[1, 30]),
            (ids, texts, sets) =>
            {
                var (decisionId, signalId, validity) = ids;
                var (purpose, legalBasis, context) = texts;
                var (departments, tokens) = sets;
                var tokensByDepartment = departments.ToDictionary(
                    department => department,
                    department => (IReadOnlyCollection<SubjectToken>)tokens.Skip(Array.IndexOf(departments, department) % tokens.Length).ToArray(),
                    StringComparer.Ordinal);
                return PrivacyCheck1Decision.Create(decisionId, signalId, validity, purpose, legalBasis, context, tokensByDepartment);
            });

    [Fact]
    public void Encode_GeneratedPrivacyCheck2_ReEncodesIdentically()
    {
        PrivacyCheck2.Sample(decision =>
        {
            var payload = DecisionEncoding.Encode(decision);

            var decoded = DecisionEncoding.Decode(payload);

            Assert.Equal(payload, DecisionEncoding.Encode(decoded));
        }, iter: 300);
    }

    [Fact]
    public void Encode_GeneratedPrivacyCheck1_ReEncodesIdentically()
    {
        PrivacyCheck1.Sample(decision =>
        {
            var payload = DecisionEncoding.Encode(decision);

            var decoded = Assert.IsType<PrivacyCheck1Decision>(DecisionEncoding.Decode(payload));

            Assert.Equal(payload, DecisionEncoding.Encode(decoded));
            Assert.Equal(decision.Departments.Count, decoded.Departments.Count);
        }, iter: 300);
    }

    [Fact]
    public void Decode_ChangedByte_FailsCleanlyOrReEncodesToSameBytes()
    {
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck2());

        Gen.Select(Gen.Int[0, payload.Length - 1], Gen.Byte).Sample((index, value) =>
        {
            var changed = (byte[])payload.Clone();
            changed[index] = value;

            AssertFailsCleanlyOrIsCanonical(changed);
        }, iter: 3000);
    }

    [Fact]
    public void Decode_RandomFieldBytes_FailsCleanlyOrReEncodesToSameBytes()
    {
        var header = DecisionEncoding.Encode(Samples.PrivacyCheck1())[..18];

        Gen.Byte.Array[0, 300].Sample(fields => AssertFailsCleanlyOrIsCanonical([.. header, .. fields]), iter: 3000);
    }

    private static void AssertFailsCleanlyOrIsCanonical(byte[] payload)
    {
        Decision decoded;
        try
        {
            decoded = DecisionEncoding.Decode(payload);
        }
        catch (DecisionFormatException)
        {
            return;
        }

        Assert.Equal(payload, DecisionEncoding.Encode(decoded));
    }
}
