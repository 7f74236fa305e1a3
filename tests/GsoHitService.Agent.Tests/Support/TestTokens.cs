using GsoHitService.Matching;
using GsoHitService.Agent.Indexing;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>Random match tokens for tests, reproducible from a seed.</summary>
internal static class TestTokens
{
    public static MatchToken[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[MatchToken.Length];
        var tokens = new MatchToken[count];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            tokens[i] = new MatchToken(bytes);
        }

        return tokens;
    }

    /// <summary>Returns the token with one bit of its last byte flipped: same prefix, different token.</summary>
    public static MatchToken WithLastBitFlipped(MatchToken token)
    {
        Span<byte> bytes = stackalloc byte[MatchToken.Length];
        token.CopyTo(bytes);
        bytes[^1] ^= 0x01;
        return new MatchToken(bytes);
    }

    /// <summary>Returns a token whose first 8 bytes are <paramref name="prefix"/> and whose rest is <paramref name="suffix"/> repeated.</summary>
    public static MatchToken WithPrefix(ulong prefix, byte suffix)
    {
        Span<byte> bytes = stackalloc byte[MatchToken.Length];
        bytes.Fill(suffix);
        BitConverter.TryWriteBytes(bytes, prefix);
        return new MatchToken(bytes);
    }

    public static byte[] Concatenate(IEnumerable<MatchToken> tokens)
    {
        var list = tokens.ToList();
        var bytes = new byte[list.Count * MatchToken.Length];
        for (var i = 0; i < list.Count; i++)
        {
            list[i].CopyTo(bytes.AsSpan(i * MatchToken.Length));
        }

        return bytes;
    }

    public static TokenIndexBuilder BuilderWith(IEnumerable<MatchToken> tokens)
    {
        var builder = new TokenIndexBuilder();
        foreach (var token in tokens)
        {
            builder.Add(token);
        }

        return builder;
    }
}
