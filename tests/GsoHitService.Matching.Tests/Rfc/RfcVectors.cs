using System.Text.Json;
using System.Text.Json.Serialization;

namespace GsoHitService.Matching.Tests.Rfc;

/// <summary>The published vectors in rfc-vectors.json, as xunit theory data.</summary>
internal static class RfcVectors
{
    private static readonly Lazy<VectorFile> File = new(() =>
        JsonSerializer.Deserialize<VectorFile>(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rfc", "rfc-vectors.json")))
        ?? throw new InvalidDataException("rfc-vectors.json is empty."));

    public static TheoryData<HmacVector> Hmac => [.. File.Value.Hmac];

    public static TheoryData<HkdfVector> Hkdf => [.. File.Value.Hkdf];

    private sealed record VectorFile(
        [property: JsonPropertyName("hmac_sha256")] IReadOnlyList<HmacVector> Hmac,
        [property: JsonPropertyName("hkdf_sha256")] IReadOnlyList<HkdfVector> Hkdf);
}

/// <summary>One HMAC-SHA-256 vector; hex strings.</summary>
public sealed record HmacVector(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("mac")] string Mac)
{
    public override string ToString() => Source;
}

/// <summary>One HKDF-SHA-256 vector; hex strings.</summary>
public sealed record HkdfVector(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("ikm")] string InputKeyMaterial,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("info")] string Info,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("prk")] string PseudorandomKey,
    [property: JsonPropertyName("okm")] string OutputKeyMaterial)
{
    public override string ToString() => Source;
}
