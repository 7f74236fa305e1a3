using System.Text.Json;
using System.Text.Json.Serialization;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Matching.Tests.Tokens;

/// <summary>
/// Recomputes docs/token-vectors.json, which an independent Python implementation wrote, so that
/// the C# tokens, the documented scheme and the published vectors agree.
/// </summary>
public sealed class TokenVectorTests
{
    private static readonly VectorFile File = JsonSerializer.Deserialize<VectorFile>(
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tokens", "token-vectors.json")))!;

    public static TheoryData<TokenVector> Vectors => [.. File.Vectors];

    public static TheoryData<TypeKeyVector> TypeKeys => [.. File.TypeKeys];

    [Fact]
    public void VectorFile_CoversEveryIdentifierType()
    {
        Assert.Equal(IdentifierTypes.All.Select(type => (int)type).Order(), File.Vectors.Select(vector => vector.Type).Distinct().Order());
    }

    [Fact]
    public void VectorFile_SchemeAndKey_MatchTestKey()
    {
        Assert.Equal(TokenScheme.Version, File.Scheme);
        Assert.Equal(Convert.ToHexStringLower(TestKeys.VectorKeyBytes), File.Key.Hex);
    }

    [Fact]
    public void CheckValue_TestKey_EqualsPublishedCheckValue()
    {
        using var key = TestKeys.VectorKey();

        Assert.Equal(File.Key.Check, Convert.ToHexStringLower(key.ComputeCheckValue()));
    }

    [Theory]
    [MemberData(nameof(TypeKeys))]
    public void DeriveTypeKey_TestKey_EqualsPublishedTypeKey(TypeKeyVector vector)
    {
        var typeKey = new byte[TokenKeyDerivation.TypeKeyLength];

        TokenKeyDerivation.DeriveTypeKey(TestKeys.VectorKeyBytes, (IdentifierType)vector.Type, typeKey);

        Assert.Equal(vector.Hex, Convert.ToHexStringLower(typeKey));
    }

    [Theory]
    [MemberData(nameof(TypeKeys))]
    public void GetInfo_Type_EqualsPublishedInfo(TypeKeyVector vector)
    {
        Assert.Equal(vector.Info, System.Text.Encoding.ASCII.GetString(TokenKeyDerivation.GetInfo((IdentifierType)vector.Type)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void CanonicalEncoding_VectorFields_EqualsPublishedEncoding(TokenVector vector)
    {
        Assert.Equal(vector.Encoding, Convert.ToHexStringLower(CanonicalEncoding.ToArray(vector.ToIdentifier())));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ComputeToken_VectorFields_EqualsPublishedToken(TokenVector vector)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.Equal(vector.Token, tokenizer.ComputeToken(vector.ToIdentifier()).ToHex());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Normalize_VectorInput_GivesPublishedFields(TokenVector vector)
    {
        var identifier = IdentifierNormalizer.Normalize((IdentifierType)vector.Type, vector.Input);

        Assert.Equal(vector.Fields, identifier.Fields);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryComputeToken_VectorInput_EqualsPublishedToken(TokenVector vector)
    {
        using var key = TestKeys.VectorKey();
        using var tokenizer = new MatchTokenizer(key);

        Assert.True(tokenizer.TryComputeToken((IdentifierType)vector.Type, vector.Input, ColumnOptions.Default, out var token, out _));
        Assert.Equal(vector.Token, token.ToHex());
    }

    private sealed record VectorFile(
        [property: JsonPropertyName("scheme")] int Scheme,
        [property: JsonPropertyName("key")] KeyVector Key,
        [property: JsonPropertyName("typeKeys")] IReadOnlyList<TypeKeyVector> TypeKeys,
        [property: JsonPropertyName("vectors")] IReadOnlyList<TokenVector> Vectors);

    private sealed record KeyVector(
        [property: JsonPropertyName("hex")] string Hex,
        [property: JsonPropertyName("check")] string Check);
}

/// <summary>A derived per-type key of the test key.</summary>
public sealed record TypeKeyVector(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("info")] string Info,
    [property: JsonPropertyName("hex")] string Hex)
{
    public override string ToString() => Name;
}

/// <summary>One published token: input, canonical fields, encoding and token.</summary>
public sealed record TokenVector(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("encoding")] string Encoding,
    [property: JsonPropertyName("token")] string Token)
{
    public CanonicalIdentifier ToIdentifier() => new((IdentifierType)Type, Fields);

    public override string ToString() => $"{Name} {Input}";
}
