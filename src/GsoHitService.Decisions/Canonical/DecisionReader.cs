using GsoHitService.Decisions.Internal;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Canonical;

/// <summary>
/// Decodes the canonical encoding strictly: every field in its place exactly once, every set in
/// ascending order without duplicates, every length exact, nothing after the last field. So each
/// decision has exactly one valid encoding, and a signature covers one meaning only.
/// </summary>
internal static class DecisionReader
{
    private const string Context = "Invalid decision payload";

    public static Decision Read(ReadOnlySpan<byte> payload)
    {
        var reader = new CanonicalReader(payload, Context);
        if (payload.Length > DecisionEncoding.MaxPayloadBytes)
        {
            throw reader.Fail(DecisionFormatError.TooLarge, $"it is {payload.Length} bytes; the maximum is {DecisionEncoding.MaxPayloadBytes}.");
        }

        var kind = ReadHeader(ref reader, payload);
        var fields = new DecodedFields();
        ReadFields(ref reader, kind, fields);

        return kind == DecisionKind.PrivacyCheck1 ? fields.ToPrivacyCheck1() : fields.ToPrivacyCheck2();
    }

    private static DecisionKind ReadHeader(ref CanonicalReader reader, ReadOnlySpan<byte> payload)
    {
        var label = DecisionEncoding.DomainLabel;
        var prefixLength = Math.Min(label.Length, payload.Length);
        if (!payload[..prefixLength].SequenceEqual(label.AsSpan(0, prefixLength)))
        {
            throw reader.Fail(DecisionFormatError.NotADecision, "it does not start with the decision label; it is not a GSO decision.");
        }

        reader.ReadBytes(label.Length);

        var version = reader.ReadByte();
        if (version != DecisionEncoding.FormatVersion)
        {
            throw reader.Fail(DecisionFormatError.UnsupportedVersion, $"format version {version} is not supported; this build reads version {DecisionEncoding.FormatVersion}.");
        }

        var kind = reader.ReadByte();
        if (kind is not ((byte)DecisionKind.PrivacyCheck1 or (byte)DecisionKind.PrivacyCheck2))
        {
            throw reader.Fail(DecisionFormatError.UnknownKind, $"decision kind {kind} is unknown.");
        }

        return (DecisionKind)kind;
    }

    private static void ReadFields(ref CanonicalReader reader, DecisionKind kind, DecodedFields fields)
    {
        var expected = DecisionFields.For(kind);
        var next = 0;
        var previousTag = -1;
        while (!reader.IsAtEnd)
        {
            if (next == expected.Length)
            {
                throw reader.Fail(DecisionFormatError.TrailingBytes, $"{reader.Remaining} bytes follow the last field.");
            }

            var tag = reader.ReadByte();
            if (tag == previousTag)
            {
                throw reader.Fail(DecisionFormatError.DuplicateField, $"field {(DecisionField)tag} appears twice.");
            }

            if (Array.IndexOf(expected, (DecisionField)tag) < 0)
            {
                throw reader.Fail(DecisionFormatError.UnknownField, $"field tag {tag} is not defined for a {kind} decision.");
            }

            if (tag < previousTag)
            {
                throw reader.Fail(DecisionFormatError.FieldOutOfOrder, $"field {(DecisionField)tag} comes after field {(DecisionField)previousTag}.");
            }

            if (tag != (byte)expected[next])
            {
                throw AppearsLater(reader, expected[next])
                    ? reader.Fail(DecisionFormatError.FieldOutOfOrder, $"field {(DecisionField)tag} comes before field {expected[next]}.")
                    : reader.Fail(DecisionFormatError.MissingField, $"field {expected[next]} is missing.");
            }

            var length = reader.ReadUInt32();
            if (length > reader.Remaining)
            {
                throw reader.Fail(DecisionFormatError.Truncated, $"field {(DecisionField)tag} is {length} bytes long, but only {reader.Remaining} bytes follow.");
            }

            var value = new CanonicalReader(reader.ReadBytes((int)length), $"{Context}, field {(DecisionField)tag}");
            fields.Read((DecisionField)tag, ref value);
            value.ExpectEnd($"the value");

            previousTag = tag;
            next++;
        }

        if (next < expected.Length)
        {
            throw reader.Fail(DecisionFormatError.MissingField, $"field {expected[next]} is missing.");
        }
    }

    /// <summary>
    /// Returns whether a field with <paramref name="field"/>'s tag follows among the remaining
    /// fields, to tell a field out of order from a missing one. The reader is a copy.
    /// </summary>
    private static bool AppearsLater(CanonicalReader reader, DecisionField field)
    {
        try
        {
            // The current field's length and value come first.
            reader.ReadBytes((int)Math.Min(reader.ReadUInt32(), int.MaxValue));
            while (!reader.IsAtEnd)
            {
                if (reader.ReadByte() == (byte)field)
                {
                    return true;
                }

                reader.ReadBytes((int)Math.Min(reader.ReadUInt32(), int.MaxValue));
            }
        }
        catch (DecisionFormatException)
        {
            // A damaged tail: report the field as missing.
        }

        return false;
    }

    /// <summary>The field values of one payload while they are read.</summary>
    private sealed class DecodedFields
    {
        private string _decisionId = "";
        private long _validFrom;
        private long _validUntil;
        private string _purpose = "";
        private string _legalBasis = "";
        private int _tokenSchemeVersion;
        private string _normaliserProfile = "";
        private string _keyEpoch = "";
        private string _signalId = "";
        private IdentifierType[] _identifierTypes = [];
        private DepartmentSubjectSet[] _departments = [];
        private string _caseId = "";
        private string _department = "";
        private ReleaseSubject[] _subjects = [];
        private string[] _releasedFields = [];
        private string[] _recipients = [];

        public void Read(DecisionField field, ref CanonicalReader value)
        {
            switch (field)
            {
                case DecisionField.DecisionId: _decisionId = value.ReadRawId("the decision id"); break;
                case DecisionField.ValidFrom: _validFrom = value.ReadInt64(); break;
                case DecisionField.ValidUntil: _validUntil = value.ReadInt64(); break;
                case DecisionField.Purpose: _purpose = value.ReadRawFreeText("the purpose"); break;
                case DecisionField.LegalBasis: _legalBasis = value.ReadRawFreeText("the legal basis"); break;
                case DecisionField.TokenSchemeVersion: _tokenSchemeVersion = ReadTokenSchemeVersion(ref value); break;
                case DecisionField.NormaliserProfile: _normaliserProfile = value.ReadRawId("the normaliser profile"); break;
                case DecisionField.KeyEpoch: _keyEpoch = value.ReadRawId("the key epoch"); break;
                case DecisionField.SignalId: _signalId = value.ReadRawId("the signal id"); break;
                case DecisionField.IdentifierTypes: _identifierTypes = ReadIdentifierTypes(ref value); break;
                case DecisionField.Departments: _departments = ReadDepartments(ref value); break;
                case DecisionField.CaseId: _caseId = value.ReadRawId("the case id"); break;
                case DecisionField.Department: _department = value.ReadRawId("the department code"); break;
                case DecisionField.Subjects: _subjects = ReadSubjects(ref value); break;
                case DecisionField.ReleasedFields: _releasedFields = ReadIdSet(ref value, DecisionLimits.MaxFields, "field name"); break;
                case DecisionField.Recipients: _recipients = ReadIdSet(ref value, DecisionLimits.MaxRecipients, "recipient"); break;
                default: throw new InvalidOperationException($"No reader for field {field}.");
            }
        }

        public PrivacyCheck1Decision ToPrivacyCheck1()
        {
            return new PrivacyCheck1Decision
            {
                DecisionId = _decisionId,
                Validity = ToValidity(),
                Purpose = _purpose,
                LegalBasis = _legalBasis,
                TokenContext = new TokenContext(_tokenSchemeVersion, _normaliserProfile, _keyEpoch),
                SignalId = _signalId,
                IdentifierTypes = _identifierTypes,
                Departments = _departments,
            };
        }

        public PrivacyCheck2Decision ToPrivacyCheck2()
        {
            return new PrivacyCheck2Decision
            {
                DecisionId = _decisionId,
                Validity = ToValidity(),
                Purpose = _purpose,
                LegalBasis = _legalBasis,
                TokenContext = new TokenContext(_tokenSchemeVersion, _normaliserProfile, _keyEpoch),
                CaseId = _caseId,
                Department = _department,
                Subjects = _subjects,
                Fields = _releasedFields,
                Recipients = _recipients,
            };
        }

        private ValidityPeriod ToValidity()
        {
            var reader = new CanonicalReader([], Context);
            var limit = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
            var minimum = DateTimeOffset.MinValue.ToUnixTimeSeconds();
            if (_validFrom < minimum || _validUntil > limit)
            {
                throw reader.Fail(DecisionFormatError.InvalidValue, "the validity period lies outside the representable dates.");
            }

            if (_validUntil <= _validFrom)
            {
                throw reader.Fail(DecisionFormatError.InvalidValue, "the validity period ends before it starts.");
            }

            return new ValidityPeriod(DateTimeOffset.FromUnixTimeSeconds(_validFrom), DateTimeOffset.FromUnixTimeSeconds(_validUntil));
        }

        private static int ReadTokenSchemeVersion(ref CanonicalReader value)
        {
            var version = value.ReadUInt16();
            return version > 0 ? version : throw value.Fail(DecisionFormatError.InvalidValue, "token scheme version 0 is not defined.");
        }

        private static IdentifierType[] ReadIdentifierTypes(ref CanonicalReader value)
        {
            var count = ReadCount(ref value, IdentifierTypes.All.Count, "identifier types");
            var types = new IdentifierType[count];
            for (var i = 0; i < count; i++)
            {
                var typeValue = value.ReadByte();
                if (!IdentifierTypes.IsDefined(typeValue, out var type))
                {
                    throw value.Fail(DecisionFormatError.InvalidValue, $"identifier type {typeValue} is not defined.");
                }

                types[i] = type.Value;
                if (i > 0)
                {
                    CheckOrder(ref value, types[i - 1].CompareTo(types[i]), "identifier type");
                }
            }

            return types;
        }

        private static DepartmentSubjectSet[] ReadDepartments(ref CanonicalReader value)
        {
            var count = ReadCount(ref value, DecisionLimits.MaxDepartments, "departments");
            var departments = new DepartmentSubjectSet[count];
            for (var i = 0; i < count; i++)
            {
                var code = value.ReadShortId("a department code");
                var hash = value.ReadBytes(SubjectSetDigest.Length);
                var tokenCount = value.ReadUInt32();
                if (tokenCount is 0 or > int.MaxValue)
                {
                    throw value.Fail(DecisionFormatError.InvalidValue, $"department {i + 1} has a token count of {tokenCount}; it must be 1 to {int.MaxValue}.");
                }

                departments[i] = new DepartmentSubjectSet(code, new SubjectSetDigest(hash, (int)tokenCount));
                if (i > 0)
                {
                    CheckOrder(ref value, string.CompareOrdinal(departments[i - 1].Department, code), "department");
                }
            }

            return departments;
        }

        private static ReleaseSubject[] ReadSubjects(ref CanonicalReader value)
        {
            var count = ReadCount(ref value, DecisionLimits.MaxSubjects, "subjects");
            var subjects = new ReleaseSubject[count];
            var seenTokens = new HashSet<SubjectToken>();
            for (var i = 0; i < count; i++)
            {
                var subjectRef = value.ReadShortId("a subject reference");
                if (i > 0)
                {
                    CheckOrder(ref value, string.CompareOrdinal(subjects[i - 1].SubjectRef, subjectRef), "subject");
                }

                var tokenCount = ReadCount(ref value, DecisionLimits.MaxTokensPerSubject, $"tokens of subject {i + 1}");
                var tokens = new SubjectToken[tokenCount];
                var previous = default(TokenSortKey);
                for (var j = 0; j < tokenCount; j++)
                {
                    tokens[j] = value.ReadToken($"token {j + 1} of subject {i + 1}");
                    var key = new TokenSortKey(tokens[j]);
                    if (j > 0)
                    {
                        CheckOrder(ref value, previous.CompareTo(key), $"token of subject {i + 1}");
                    }

                    if (!seenTokens.Add(tokens[j]))
                    {
                        throw value.Fail(DecisionFormatError.DuplicateItem, $"token {j + 1} of subject {i + 1} also belongs to an earlier subject.");
                    }

                    previous = key;
                }

                subjects[i] = new ReleaseSubject(subjectRef, tokens);
            }

            return subjects;
        }

        private static string[] ReadIdSet(ref CanonicalReader value, int maxCount, string valueName)
        {
            var count = ReadCount(ref value, maxCount, $"{valueName}s");
            var items = new string[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = value.ReadShortId($"a {valueName}");
                if (i > 0)
                {
                    CheckOrder(ref value, string.CompareOrdinal(items[i - 1], items[i]), valueName);
                }
            }

            return items;
        }

        private static int ReadCount(ref CanonicalReader value, int maxCount, string valueName)
        {
            var count = value.ReadUInt16();
            if (count == 0 || count > maxCount)
            {
                throw value.Fail(DecisionFormatError.InvalidValue, $"the number of {valueName} is {count}; it must be 1 to {maxCount}.");
            }

            return count;
        }

        /// <summary>Checks the comparison of an item with its predecessor: it must be strictly greater.</summary>
        private static void CheckOrder(ref CanonicalReader value, int comparisonWithPrevious, string valueName)
        {
            if (comparisonWithPrevious == 0)
            {
                throw value.Fail(DecisionFormatError.DuplicateItem, $"a {valueName} appears twice.");
            }

            if (comparisonWithPrevious > 0)
            {
                throw value.Fail(DecisionFormatError.NonCanonicalOrder, $"the {valueName}s are not in ascending order.");
            }
        }
    }
}
