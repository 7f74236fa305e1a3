namespace GsoHitService.Matching.Tests.Tokens;

/// <summary>Fixed matching keys for tests; public, so they protect nothing.</summary>
internal static class TestKeys
{
    /// <summary>The key of docs/token-vectors.json: bytes 00 to 1f.</summary>
    public static byte[] VectorKeyBytes { get; } = Enumerable.Range(0, MatchingKey.KeyLength).Select(i => (byte)i).ToArray();

    public static MatchingKey VectorKey() => MatchingKey.Import("test-vectors", VectorKeyBytes);

    public static MatchingKey Filled(byte value, string epochId = "test") =>
        MatchingKey.Import(epochId, Enumerable.Repeat(value, MatchingKey.KeyLength).ToArray());
}
