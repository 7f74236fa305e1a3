using GsoHitService.Decisions.Tests.Support;
using static GsoHitService.Decisions.Tests.Support.RawPayload;

namespace GsoHitService.Decisions.Tests;

/// <summary>
/// Strict decoding: each test breaks one rule of a valid payload and expects its error code.
/// Field tags: 1 decision id … 8 key epoch; 16 signal id, 17 identifier types, 18 departments
/// (privacy check 1); 32 case id, 33 department, 34 subjects, 35 fields, 36 recipients (privacy check 2).
/// </summary>
public sealed class DecisionDecodingTests
{
    private static RawPayload ValidPrivacyCheck1() => RawPayload.Parse(DecisionEncoding.Encode(Samples.PrivacyCheck1()));

    private static RawPayload ValidPrivacyCheck2() => RawPayload.Parse(DecisionEncoding.Encode(Samples.PrivacyCheck2()));

    private static DecisionFormatError DecodeError(byte[] payload) =>
        Assert.Throws<DecisionFormatException>(() => DecisionEncoding.Decode(payload)).Error;

    private static DecisionFormatError DecodeError(RawPayload payload) => DecodeError(payload.ToArray());

    [Fact]
    public void Decode_ValidBuilderOutput_Succeeds()
    {
        var decision = DecisionEncoding.Decode(ValidPrivacyCheck2().ToArray());

        Assert.Equal("pc2-2026-0001", decision.DecisionId);
    }

    [Fact]
    public void Decode_TooLarge_IsRejected()
    {
        Assert.Equal(DecisionFormatError.TooLarge, DecodeError(new byte[DecisionEncoding.MaxPayloadBytes + 1]));
    }

    [Fact]
    public void Decode_OtherLabel_IsNotADecision()
    {
        var payload = ValidPrivacyCheck1();
        payload.Magic = "GSO-HIT-AUDITLOG"u8.ToArray();

        Assert.Equal(DecisionFormatError.NotADecision, DecodeError(payload));
    }

    [Fact]
    public void Decode_Empty_IsTruncated()
    {
        Assert.Equal(DecisionFormatError.Truncated, DecodeError([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Decode_UnknownVersion_IsUnsupported(byte version)
    {
        var payload = ValidPrivacyCheck1();
        payload.Version = version;

        Assert.Equal(DecisionFormatError.UnsupportedVersion, DecodeError(payload));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Decode_UnknownKind_IsRejected(byte kind)
    {
        var payload = ValidPrivacyCheck1();
        payload.Kind = kind;

        Assert.Equal(DecisionFormatError.UnknownKind, DecodeError(payload));
    }

    [Fact]
    public void Decode_FieldsOfOtherKind_IsUnknownField()
    {
        var payload = ValidPrivacyCheck1();
        payload.Kind = 2;

        Assert.Equal(DecisionFormatError.UnknownField, DecodeError(payload));
    }

    [Fact]
    public void Decode_EveryProperPrefix_IsRejected()
    {
        var payload = ValidPrivacyCheck2().ToArray();

        for (var length = 0; length < payload.Length; length++)
        {
            var error = DecodeError(payload[..length]);
            Assert.True(error is DecisionFormatError.Truncated or DecisionFormatError.MissingField, $"Prefix of {length} bytes gave {error}.");
        }
    }

    [Fact]
    public void Decode_TrailingBytes_IsRejected()
    {
        var payload = ValidPrivacyCheck1();
        payload.Trailing = [0];

        Assert.Equal(DecisionFormatError.TrailingBytes, DecodeError(payload));
    }

    [Fact]
    public void Decode_TrailingField_IsTrailingBytes()
    {
        var payload = ValidPrivacyCheck2();
        payload.Fields.Add((37, [1]));

        Assert.Equal(DecisionFormatError.TrailingBytes, DecodeError(payload));
    }

    [Fact]
    public void Decode_UnknownTag_IsUnknownField()
    {
        var payload = ValidPrivacyCheck1();
        payload.Fields.Insert(8, (9, [1]));

        Assert.Equal(DecisionFormatError.UnknownField, DecodeError(payload));
    }

    [Fact]
    public void Decode_RepeatedField_IsDuplicateField()
    {
        var payload = ValidPrivacyCheck1();
        payload.Fields.Insert(1, payload.Fields[0]);

        Assert.Equal(DecisionFormatError.DuplicateField, DecodeError(payload));
    }

    [Fact]
    public void Decode_SwappedFields_IsFieldOutOfOrder()
    {
        var payload = ValidPrivacyCheck1();
        (payload.Fields[3], payload.Fields[4]) = (payload.Fields[4], payload.Fields[3]);

        Assert.Equal(DecisionFormatError.FieldOutOfOrder, DecodeError(payload));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(18)]
    public void Decode_AbsentField_IsMissingField(byte tag)
    {
        var payload = ValidPrivacyCheck1();
        payload.Fields.RemoveAll(field => field.Tag == tag);

        Assert.Equal(DecisionFormatError.MissingField, DecodeError(payload));
    }

    [Fact]
    public void Decode_FieldLengthBeyondEnd_IsTruncated()
    {
        var bytes = ValidPrivacyCheck1().ToArray();

        // The first field's length starts right after the header and the tag.
        bytes[18 + 1] = 0x7f;

        Assert.Equal(DecisionFormatError.Truncated, DecodeError(bytes));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(18)]
    public void Decode_ValueLongerThanContent_IsFieldLengthMismatch(byte tag)
    {
        var payload = ValidPrivacyCheck1();
        payload.Replace(tag, [.. payload.ValueOf(tag), 0]);

        Assert.Equal(DecisionFormatError.FieldLengthMismatch, DecodeError(payload));
    }

    public static TheoryData<byte, byte[]> InvalidTexts => new()
    {
        { 1, "met spatie"u8.ToArray() },
        { 1, [] },
        { 1, [0xc3, 0xa9] },
        { 4, [0xff, 0xfe] },
        { 4, [0xed, 0xa0, 0x80] },
        { 4, "e\u0301"u8.ToArray() },
        { 4, "regel\u0007"u8.ToArray() },
        { 5, "\u200e"u8.ToArray() },
        { 5, [] },
        { 7, "nl 1"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void Decode_InvalidText_IsRejected(byte tag, byte[] value)
    {
        var payload = ValidPrivacyCheck1().Replace(tag, value);

        Assert.Equal(DecisionFormatError.InvalidText, DecodeError(payload));
    }

    [Fact]
    public void Decode_PurposeWithLineBreaks_IsAccepted()
    {
        var payload = ValidPrivacyCheck1().Replace(4, "regel één\nregel twee"u8.ToArray());

        var decision = DecisionEncoding.Decode(payload.ToArray());

        Assert.Equal("regel één\nregel twee", decision.Purpose);
    }

    [Fact]
    public void Decode_UnsortedFields_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck2().Replace(35, IdSet("naam", "adres"));

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_UnsortedRecipients_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck2().Replace(36, IdSet("b", "a"));

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_RepeatedRecipient_IsDuplicateItem()
    {
        var payload = ValidPrivacyCheck2().Replace(36, IdSet("a", "a"));

        Assert.Equal(DecisionFormatError.DuplicateItem, DecodeError(payload));
    }

    [Fact]
    public void Decode_UnsortedIdentifierTypes_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck1().Replace(17, [.. UInt16(2), 3, 1]);

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_RepeatedIdentifierType_IsDuplicateItem()
    {
        var payload = ValidPrivacyCheck1().Replace(17, [.. UInt16(2), 1, 1]);

        Assert.Equal(DecisionFormatError.DuplicateItem, DecodeError(payload));
    }

    [Fact]
    public void Decode_UndefinedIdentifierType_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck1().Replace(17, [.. UInt16(1), 99]);

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    private static byte[] Department(string code, byte fill, uint count) =>
        [.. ShortText(code), .. Enumerable.Repeat(fill, 32), .. UInt32(count)];

    [Fact]
    public void Decode_UnsortedDepartments_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck1().Replace(18, [.. UInt16(2), .. Department("vergunningen", 1, 1), .. Department("brp", 2, 1)]);

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_RepeatedDepartment_IsDuplicateItem()
    {
        var payload = ValidPrivacyCheck1().Replace(18, [.. UInt16(2), .. Department("brp", 1, 1), .. Department("brp", 2, 1)]);

        Assert.Equal(DecisionFormatError.DuplicateItem, DecodeError(payload));
    }

    [Fact]
    public void Decode_DepartmentWithZeroTokens_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck1().Replace(18, [.. UInt16(1), .. Department("brp", 1, 0)]);

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    public void Decode_EmptySet_IsInvalidValue(byte tag)
    {
        var payload = ValidPrivacyCheck1().Replace(tag, UInt16(0));

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_TooManyDepartments_IsInvalidValue()
    {
        var departments = Enumerable.Range(0, 65).SelectMany(i => Department($"afdeling-{i:D3}", 1, 1)).ToArray();
        var payload = ValidPrivacyCheck1().Replace(18, [.. UInt16(65), .. departments]);

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    private static byte[] Subject(string subjectRef, params byte[][] tokens) =>
        [.. ShortText(subjectRef), .. UInt16(tokens.Length), .. tokens.SelectMany(token => token)];

    [Fact]
    public void Decode_UnsortedTokensOfSubject_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(1), .. Subject("s", Token(1, 2), Token(1, 1))]);

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_TokensUnsortedByType_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(1), .. Subject("s", Token(3, 1), Token(1, 2))]);

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_RepeatedTokenOfSubject_IsDuplicateItem()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(1), .. Subject("s", Token(1, 1), Token(1, 1))]);

        Assert.Equal(DecisionFormatError.DuplicateItem, DecodeError(payload));
    }

    [Fact]
    public void Decode_TokenOfTwoSubjects_IsDuplicateItem()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(2), .. Subject("s1", Token(1, 1)), .. Subject("s2", Token(1, 1))]);

        Assert.Equal(DecisionFormatError.DuplicateItem, DecodeError(payload));
    }

    [Fact]
    public void Decode_UnsortedSubjects_IsNonCanonicalOrder()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(2), .. Subject("s2", Token(1, 1)), .. Subject("s1", Token(1, 2))]);

        Assert.Equal(DecisionFormatError.NonCanonicalOrder, DecodeError(payload));
    }

    [Fact]
    public void Decode_SubjectWithoutTokens_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(1), .. Subject("s")]);

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_TokenOfUndefinedType_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck2().Replace(34, [.. UInt16(1), .. Subject("s", Token(0, 1))]);

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_PeriodEndingAtStart_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck1().Replace(3, ValidPrivacyCheck1().ValueOf(2));

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_PeriodBeyondRepresentableDates_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck1().Replace(3, Int64(long.MaxValue));

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_TokenSchemeVersionZero_IsInvalidValue()
    {
        var payload = ValidPrivacyCheck1().Replace(6, UInt16(0));

        Assert.Equal(DecisionFormatError.InvalidValue, DecodeError(payload));
    }

    [Fact]
    public void Decode_ErrorMessage_ContainsNoPayloadText()
    {
        var payload = ValidPrivacyCheck1().Replace(4, "Jan Jansen\u0007"u8.ToArray());

        var exception = Assert.Throws<DecisionFormatException>(() => DecisionEncoding.Decode(payload.ToArray()));

        Assert.DoesNotContain("Jansen", exception.Message, StringComparison.Ordinal);
    }
}
