using System.Security.Cryptography;
using GsoHitService.Decisions.Tests.Support;
using GsoHitService.Matching;

namespace GsoHitService.Decisions.Tests;

public sealed class SubjectSetDigestTests
{
    [Fact]
    public void Compute_KnownSet_MatchesDocumentedEncoding()
    {
        var bsn = Samples.Token(IdentifierType.Bsn, 0xaa);
        var kvk = Samples.Token(IdentifierType.KvkNumber, 0x01);
        byte[] expectedInput =
        [
            .. "GSO-HIT-SUBJECT-SET\0"u8.ToArray(),
            1,
            0, 0, 0, 2,
            1, .. Enumerable.Repeat((byte)0xaa, 32),
            3, .. Enumerable.Repeat((byte)0x01, 32),
        ];

        var digest = SubjectSetDigest.Compute([kvk, bsn]);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expectedInput)), digest.ToHex());
    }

    [Fact]
    public void Compute_OrderAndDuplicates_DoNotMatter()
    {
        var tokens = Samples.Tokens(50);

        var first = SubjectSetDigest.Compute(tokens);
        var second = SubjectSetDigest.Compute([.. tokens.Reverse(), tokens[3], tokens[7]]);

        Assert.Equal(first, second);
        Assert.Equal(50, second.TokenCount);
    }

    [Fact]
    public void Compute_SameBytesOtherType_Differs()
    {
        var bsn = Samples.Token(IdentifierType.Bsn, 7);
        var rsin = Samples.Token(IdentifierType.Rsin, 7);

        Assert.NotEqual(SubjectSetDigest.Compute([bsn]), SubjectSetDigest.Compute([rsin]));
    }

    [Fact]
    public void Compute_OneTokenMore_Differs()
    {
        var tokens = Samples.Tokens(5);

        Assert.NotEqual(SubjectSetDigest.Compute(tokens), SubjectSetDigest.Compute([.. tokens, Samples.Token()]));
    }

    [Fact]
    public void Compute_TokensSortedByAllBytes_NotOnlyPrefix()
    {
        // Two tokens that differ only in their last byte: order must come from all 32 bytes.
        var low = new byte[32];
        var high = new byte[32];
        high[31] = 1;
        var tokens = new[] { new SubjectToken(IdentifierType.Bsn, new MatchToken(high)), new SubjectToken(IdentifierType.Bsn, new MatchToken(low)) };
        byte[] expectedInput = [.. "GSO-HIT-SUBJECT-SET\0"u8.ToArray(), 1, 0, 0, 0, 2, 1, .. low, 1, .. high];

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expectedInput)), SubjectSetDigest.Compute(tokens).ToHex());
    }

    [Fact]
    public void Constructor_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SubjectSetDigest(new byte[31], 1));
    }

    [Fact]
    public void ToString_ShowsShortFormOnly()
    {
        var digest = SubjectSetDigest.Compute(Samples.Tokens(2));

        Assert.Equal($"{digest.ToHex()[..8]} (2 tokens)", digest.ToString());
    }

    [Fact]
    public void FromConcatenated_TwoTokens_SplitsInOrder()
    {
        var first = Samples.Token(IdentifierType.Iban, 1);
        var second = Samples.Token(IdentifierType.Iban, 2);
        var bytes = new byte[64];
        first.Token.CopyTo(bytes);
        second.Token.CopyTo(bytes.AsSpan(32));

        var tokens = SubjectToken.FromConcatenated(IdentifierType.Iban, bytes);

        Assert.Equal([first, second], tokens);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void FromConcatenated_PartialToken_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => SubjectToken.FromConcatenated(IdentifierType.Bsn, new byte[length]));
    }
}
