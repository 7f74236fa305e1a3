using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching.Tests.Tokens;

public sealed class MatchTokenizerTests
{
    private static readonly CanonicalIdentifier Bsn = new(IdentifierType.Bsn, ["999990019"]);

    [Fact]
    public void ComputeToken_RandomIdentifiers_MatchesPlatformHmac()
    {
        // An independent recomputation with the platform's HKDF and HMACSHA256, over fields of
        // every length the encoding can produce up to a few blocks, non-ASCII text included.
        var keyBytes = RandomNumberGenerator.GetBytes(MatchingKey.KeyLength);
        using var key = MatchingKey.Import("random", keyBytes);
        using var tokenizer = new MatchTokenizer(key);
        var field = Gen.String[Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -'éøß中"], 0, 150];
        var identifiers = Gen.OneOf(
            field.Select(value => new CanonicalIdentifier(IdentifierType.Bsn, [value])),
            field.Select(value => new CanonicalIdentifier(IdentifierType.Iban, [value])),
            Gen.Select(field, field, field, field).Select((a, b, c, d) => new CanonicalIdentifier(IdentifierType.Address, [a, b, c, d])),
            Gen.Select(field, field, field).Select((a, b, c) => new CanonicalIdentifier(IdentifierType.SurnameBirthDate, [a, b, c])));

        identifiers.Sample(identifier =>
        {
            var typeKey = HKDF.DeriveKey(
                HashAlgorithmName.SHA256, keyBytes, 32,
                Encoding.ASCII.GetBytes("gso-hit-service:match-token-salt"),
                Encoding.ASCII.GetBytes($"gso-hit-service:match-token:v1:type:{(int)identifier.Type}"));
            var expected = HMACSHA256.HashData(typeKey, CanonicalEncoding.ToArray(identifier));

            var token = tokenizer.ComputeToken(identifier);

            Assert.Equal(Convert.ToHexStringLower(expected), token.ToHex());
        }, iter: 1000);
    }

    [Fact]
    public void ComputeToken_SameKeyBytes_GivesSameToken()
    {
        using var first = TestKeys.Filled(0x42);
        using var second = TestKeys.Filled(0x42);
        using var firstTokenizer = new MatchTokenizer(first);
        using var secondTokenizer = new MatchTokenizer(second);

        Assert.Equal(firstTokenizer.ComputeToken(Bsn), secondTokenizer.ComputeToken(Bsn));
    }

    [Fact]
    public void ComputeToken_DifferentKeys_GivesDifferentTokens()
    {
        using var first = TestKeys.Filled(0x42);
        using var second = TestKeys.Filled(0x43);
        using var firstTokenizer = new MatchTokenizer(first);
        using var secondTokenizer = new MatchTokenizer(second);

        Assert.NotEqual(firstTokenizer.ComputeToken(Bsn), secondTokenizer.ComputeToken(Bsn));
    }

    [Fact]
    public void ComputeToken_EqualDigitsPerType_DistinctTokens()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        var singleFieldTypes = IdentifierTypes.All.Where(type => type is not (IdentifierType.Address or IdentifierType.SurnameBirthDate));

        var tokens = singleFieldTypes.Select(type => tokenizer.ComputeToken(new CanonicalIdentifier(type, ["999990019"]))).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void ComputeToken_BsnAndRsin_DifferentTokens()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        var bsn = tokenizer.ComputeToken(new CanonicalIdentifier(IdentifierType.Bsn, ["999990019"]));
        var rsin = tokenizer.ComputeToken(new CanonicalIdentifier(IdentifierType.Rsin, ["999990019"]));

        Assert.NotEqual(bsn, rsin);
    }

    [Fact]
    public void ComputeToken_Bsn_DiffersFromUnkeyedSha256()
    {
        // An unkeyed digest of a BSN is reversed by enumerating the 10^9 candidates, so no
        // token may ever equal one.
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        var bsn = new CanonicalIdentifier(IdentifierType.Bsn, ["123456782"]);

        var token = tokenizer.ComputeToken(bsn).ToHex();

        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("123456782"u8)), token);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(CanonicalEncoding.ToArray(bsn))), token);
    }

    [Fact]
    public void ComputeToken_AnyBsn_NeverEqualsUnkeyedSha256()
    {
        using var key = MatchingKey.Generate("random");
        using var tokenizer = new MatchTokenizer(key);

        Gen.Int[0, 999_999_999].Sample(number =>
        {
            var identifier = new CanonicalIdentifier(IdentifierType.Bsn, [number.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)]);
            var token = tokenizer.ComputeToken(identifier).ToHex();

            Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(identifier.Fields[0]))), token);
            Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(CanonicalEncoding.ToArray(identifier))), token);
        }, iter: 200);
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, 0)]
    [InlineData(IdentifierType.Bsn, 2)]
    [InlineData(IdentifierType.Address, 3)]
    [InlineData(IdentifierType.SurnameBirthDate, 2)]
    public void ComputeToken_WrongFieldCount_Throws(IdentifierType type, int fieldCount)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        var identifier = new CanonicalIdentifier(type, Enumerable.Repeat("1", fieldCount).ToArray());

        var exception = Assert.Throws<ArgumentException>(() => tokenizer.ComputeToken(identifier));

        Assert.Contains("field", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeToken_UndefinedType_Throws()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.Throws<ArgumentException>(() => tokenizer.ComputeToken(new CanonicalIdentifier((IdentifierType)200, ["1"])));
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "999990019")]
    [InlineData(IdentifierType.Bsn, " 9999.90.019 ")]
    [InlineData(IdentifierType.KvkNumber, "12345678")]
    [InlineData(IdentifierType.Iban, "nl91 abna 0417 1643 00")]
    [InlineData(IdentifierType.Address, "1234 ab;12;a;2")]
    [InlineData(IdentifierType.SurnameBirthDate, "Meer, van der;19780300")]
    public void TryComputeToken_ValidValue_EqualsTokenOfNormalizedIdentifier(IdentifierType type, string value)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        var valid = tokenizer.TryComputeToken(type, value, ColumnOptions.Default, out var token, out _);

        Assert.True(valid);
        Assert.Equal(tokenizer.ComputeToken(IdentifierNormalizer.Normalize(type, value)), token);
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "123456789", IdentifierRule.Elfproef)]
    [InlineData(IdentifierType.Bsn, "", IdentifierRule.Empty)]
    [InlineData(IdentifierType.Bsn, "000000000", IdentifierRule.AllZeros)]
    [InlineData(IdentifierType.KvkNumber, "123456789", IdentifierRule.WrongLength)]
    public void TryComputeToken_InvalidValue_ReturnsRuleAndNoToken(IdentifierType type, string value, IdentifierRule rule)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        var valid = tokenizer.TryComputeToken(type, value, ColumnOptions.Default, out var token, out var error);

        Assert.False(valid);
        Assert.Equal(new IdentifierError(type, rule), error);
        Assert.Equal(default, token);
    }

    [Fact]
    public void TryComputeToken_AsciiBsn_AllocatesNothing()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        const string value = "999990019";

        var bytesPerCall = AllocationMeter.BytesPerCall(() => tokenizer.TryComputeToken(IdentifierType.Bsn, value, ColumnOptions.Default, out _, out _));

        Assert.True(bytesPerCall < 1, $"{bytesPerCall:F2} bytes allocated per token");
    }

    [Fact]
    public void ComputeToken_ManyThreads_EqualsSequentialTokens()
    {
        using var key = MatchingKey.Generate("random");
        using var tokenizer = new MatchTokenizer(key);
        var identifiers = Enumerable.Range(0, 20_000)
            .Select(i => new CanonicalIdentifier(IdentifierType.KvkNumber, [i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)]))
            .ToArray();
        var sequential = identifiers.Select(tokenizer.ComputeToken).ToArray();

        var parallel = new MatchToken[identifiers.Length];
        Parallel.For(0, identifiers.Length, i => parallel[i] = tokenizer.ComputeToken(identifiers[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void ComputeTokens_RandomBatches_EqualSingleTokens()
    {
        // Batches of every size around the eight lanes, with short encodings (vector lanes) and
        // long surnames (more than one block, scalar path) mixed.
        using var key = MatchingKey.Generate("random");
        using var tokenizer = new MatchTokenizer(key);
        var field = Gen.String[Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -é"], 0, 60];
        var identifier = Gen.OneOf(
            field.Select(value => new CanonicalIdentifier(IdentifierType.Bsn, [value])),
            field.Select(value => new CanonicalIdentifier(IdentifierType.LicencePlate, [value])),
            Gen.Select(field, field, field, field).Select((a, b, c, d) => new CanonicalIdentifier(IdentifierType.Address, [a, b, c, d])),
            Gen.Select(field, field, field).Select((a, b, c) => new CanonicalIdentifier(IdentifierType.SurnameBirthDate, [a, b, c])));

        identifier.Array[0, 40].Sample(identifiers =>
        {
            var tokens = new MatchToken[identifiers.Length];

            tokenizer.ComputeTokens(identifiers, tokens);

            Assert.Equal(identifiers.Select(tokenizer.ComputeToken), tokens);
        }, iter: 300);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1000)]
    public void ComputeTokens_BsnBatch_EqualsSingleTokens(int count)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        var identifiers = Enumerable.Range(0, count)
            .Select(i => new CanonicalIdentifier(IdentifierType.Bsn, [(999_990_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .ToArray();
        var tokens = new MatchToken[count];

        tokenizer.ComputeTokens(identifiers, tokens);

        Assert.Equal(identifiers.Select(tokenizer.ComputeToken), tokens);
    }

    [Fact]
    public void ComputeTokens_ShortDestination_Throws()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.Throws<ArgumentException>(() => tokenizer.ComputeTokens([Bsn, Bsn], new MatchToken[1]));
    }

    [Fact]
    public void ComputeTokens_AfterDispose_ThrowsObjectDisposed()
    {
        using var key = TestKeys.VectorKey();
        var tokenizer = new MatchTokenizer(key);
        tokenizer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tokenizer.ComputeTokens([Bsn], new MatchToken[1]));
    }

    [Fact]
    public void ComputeToken_AfterDispose_ThrowsObjectDisposed()
    {
        using var key = TestKeys.VectorKey();
        var tokenizer = new MatchTokenizer(key);
        tokenizer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tokenizer.ComputeToken(Bsn));
    }

    [Fact]
    public void TryComputeToken_AfterDispose_ThrowsObjectDisposed()
    {
        using var key = TestKeys.VectorKey();
        var tokenizer = new MatchTokenizer(key);
        tokenizer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tokenizer.TryComputeToken(IdentifierType.Bsn, "999990019", ColumnOptions.Default, out _, out _));
    }

    [Fact]
    public void Dispose_ZeroesDerivedKeyMaterial()
    {
        using var key = TestKeys.VectorKey();
        var tokenizer = new MatchTokenizer(key);
        var typeKeys = (HmacSha256Key[])typeof(MatchTokenizer).GetField("_typeKeys", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(tokenizer)!;
        Assert.Contains(MemoryMarshal.AsBytes(typeKeys.AsSpan()).ToArray(), b => b != 0);

        tokenizer.Dispose();

        Assert.All(MemoryMarshal.AsBytes(typeKeys.AsSpan()).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Constructor_DisposedKey_ThrowsObjectDisposed()
    {
        var key = TestKeys.VectorKey();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new MatchTokenizer(key));
    }

    [Fact]
    public void Constructor_KeyDisposedLater_TokenizerKeepsWorking()
    {
        var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);
        var before = tokenizer.ComputeToken(Bsn);

        key.Dispose();

        Assert.Equal(before, tokenizer.ComputeToken(Bsn));
    }

    [Fact]
    public void ToString_ShowsEpochOnly()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.Equal("MatchTokenizer(epoch test-vectors)", tokenizer.ToString());
    }

    [Fact]
    public void KeyEpoch_IsEpochOfKey()
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.Equal("test-vectors", tokenizer.KeyEpoch);
    }
}
