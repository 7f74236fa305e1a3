using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Writes a decision model in the canonical encoding. Sets are sorted here but not de-duplicated:
/// the strict decoder, which checks every written payload, reports duplicates by name.
/// </summary>
internal static class DecisionWriter
{
    public static byte[] Write(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);

        var writer = new CanonicalWriter();
        writer.WriteBytes(DecisionEncoding.DomainLabel);
        writer.WriteByte(DecisionEncoding.FormatVersion);
        writer.WriteByte((byte)decision.Kind);

        WriteCommonFields(writer, decision);
        switch (decision)
        {
            case PrivacyCheck1Decision privacyCheck1:
                WritePrivacyCheck1Fields(writer, privacyCheck1);
                break;
            case PrivacyCheck2Decision privacyCheck2:
                WritePrivacyCheck2Fields(writer, privacyCheck2);
                break;
            default:
                throw new ArgumentException($"Unknown decision type {decision.GetType().Name}.", nameof(decision));
        }

        return writer.ToArray();
    }

    private static void WriteCommonFields(CanonicalWriter writer, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision.Validity, nameof(decision.Validity));
        ArgumentNullException.ThrowIfNull(decision.TokenContext, nameof(decision.TokenContext));

        writer.BeginField(DecisionField.DecisionId);
        writer.WriteRawText(decision.DecisionId, "the decision id");
        writer.EndField();

        writer.BeginField(DecisionField.ValidFrom);
        writer.WriteInt64(decision.Validity.From.ToUnixTimeSeconds());
        writer.EndField();

        writer.BeginField(DecisionField.ValidUntil);
        writer.WriteInt64(decision.Validity.Until.ToUnixTimeSeconds());
        writer.EndField();

        writer.BeginField(DecisionField.Purpose);
        writer.WriteRawText(decision.Purpose, "the purpose");
        writer.EndField();

        writer.BeginField(DecisionField.LegalBasis);
        writer.WriteRawText(decision.LegalBasis, "the legal basis");
        writer.EndField();

        writer.BeginField(DecisionField.TokenSchemeVersion);
        writer.WriteUInt16(decision.TokenContext.TokenSchemeVersion, "The token scheme version");
        writer.EndField();

        writer.BeginField(DecisionField.NormaliserProfile);
        writer.WriteRawText(decision.TokenContext.NormaliserProfile, "the normaliser profile");
        writer.EndField();

        writer.BeginField(DecisionField.KeyEpoch);
        writer.WriteRawText(decision.TokenContext.KeyEpoch, "the key epoch");
        writer.EndField();
    }

    private static void WritePrivacyCheck1Fields(CanonicalWriter writer, PrivacyCheck1Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision.IdentifierTypes, nameof(decision.IdentifierTypes));
        ArgumentNullException.ThrowIfNull(decision.Departments, nameof(decision.Departments));

        writer.BeginField(DecisionField.SignalId);
        writer.WriteRawText(decision.SignalId, "the signal id");
        writer.EndField();

        writer.BeginField(DecisionField.IdentifierTypes);
        writer.WriteUInt16(decision.IdentifierTypes.Count, "The number of identifier types");
        foreach (var type in decision.IdentifierTypes.Order())
        {
            writer.WriteByte((byte)type);
        }

        writer.EndField();

        writer.BeginField(DecisionField.Departments);
        writer.WriteUInt16(decision.Departments.Count, "The number of departments");
        foreach (var set in decision.Departments.OrderBy(set => set.Department, StringComparer.Ordinal))
        {
            ArgumentNullException.ThrowIfNull(set.Subjects, nameof(set.Subjects));
            writer.WriteShortText(set.Department, "a department code");
            writer.WriteBytes(set.Subjects.Hash);
            writer.WriteUInt32(checked((uint)set.Subjects.TokenCount));
        }

        writer.EndField();
    }

    private static void WritePrivacyCheck2Fields(CanonicalWriter writer, PrivacyCheck2Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision.Subjects, nameof(decision.Subjects));

        writer.BeginField(DecisionField.CaseId);
        writer.WriteRawText(decision.CaseId, "the case id");
        writer.EndField();

        writer.BeginField(DecisionField.Department);
        writer.WriteRawText(decision.Department, "the department code");
        writer.EndField();

        writer.BeginField(DecisionField.Subjects);
        writer.WriteUInt16(decision.Subjects.Count, "The number of subjects");
        foreach (var subject in decision.Subjects.OrderBy(subject => subject.SubjectRef, StringComparer.Ordinal))
        {
            ArgumentNullException.ThrowIfNull(subject.Tokens, nameof(subject.Tokens));
            writer.WriteShortText(subject.SubjectRef, "a subject reference");
            writer.WriteUInt16(subject.Tokens.Count, "The number of tokens of a subject");

            var keys = subject.Tokens.Select(token => new TokenSortKey(token)).ToArray();
            Array.Sort(keys);
            foreach (var key in keys)
            {
                writer.WriteToken(key);
            }
        }

        writer.EndField();

        WriteTextSet(writer, DecisionField.ReleasedFields, decision.Fields, "field name");
        WriteTextSet(writer, DecisionField.Recipients, decision.Recipients, "recipient");
    }

    private static void WriteTextSet(CanonicalWriter writer, DecisionField field, IReadOnlyList<string> items, string valueName)
    {
        ArgumentNullException.ThrowIfNull(items, field.ToString());

        writer.BeginField(field);
        writer.WriteUInt16(items.Count, $"The number of {valueName}s");
        foreach (var item in items.Order(StringComparer.Ordinal))
        {
            writer.WriteShortText(item, $"a {valueName}");
        }

        writer.EndField();
    }
}
