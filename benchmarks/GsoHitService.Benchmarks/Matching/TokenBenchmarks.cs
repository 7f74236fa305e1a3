using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using GsoHitService.Matching;
using GsoHitService.Matching.Internal;

namespace GsoHitService.Benchmarks.Matching;

/// <summary>
/// Match tokens per call: normalise + token for the main identifier types, the token of an
/// already canonical identifier, the eight-lane batch, and HMAC-SHA256 over 16 bytes as the
/// baseline that <c>openssl speed -bytes 16 -hmac sha256</c> also measures.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private const int BatchSize = 1024;

    private readonly byte[] _message = new byte[16];
    private readonly byte[] _mac = new byte[HmacSha256.MacLength];
    private byte[] _hmacKey = [];
    private HmacSha256Key _precomputedKey;
    private IncrementalHash _incrementalHmac = null!;
    private MatchingKey _key = null!;
    private MatchTokenizer _tokenizer = null!;
    private CanonicalIdentifier _bsn = null!;
    private CanonicalIdentifier[] _bsnBatch = [];
    private MatchToken[] _batchTokens = [];

    [GlobalSetup]
    public void Setup()
    {
        _hmacKey = RandomNumberGenerator.GetBytes(32);
        RandomNumberGenerator.Fill(_message);
        HmacSha256.Precompute(_hmacKey, out _precomputedKey);
        _incrementalHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _hmacKey);

        _key = MatchingKey.Generate("benchmark");
        _tokenizer = new MatchTokenizer(_key);
        _bsn = IdentifierNormalizer.Normalize(IdentifierType.Bsn, "999990019");
        _bsnBatch = Enumerable.Range(0, BatchSize)
            .Select(i => new CanonicalIdentifier(IdentifierType.Bsn, [(999_990_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .ToArray();
        _batchTokens = new MatchToken[BatchSize];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tokenizer.Dispose();
        _key.Dispose();
        _incrementalHmac.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HMAC 16 B, IncrementalHash reused")]
    public byte HmacPlatformIncremental()
    {
        _incrementalHmac.AppendData(_message);
        _incrementalHmac.GetHashAndReset(_mac);
        return _mac[0];
    }

    [Benchmark(Description = "HMAC 16 B, HMACSHA256.HashData")]
    public byte HmacPlatformOneShot()
    {
        HMACSHA256.HashData(_hmacKey, _message, _mac);
        return _mac[0];
    }

    [Benchmark(Description = "HMAC 16 B, managed from midstates")]
    public byte HmacManaged()
    {
        HmacSha256.Compute(in _precomputedKey, _message, _mac);
        return _mac[0];
    }

    [Benchmark(Description = "normalise + token: BSN")]
    public MatchToken BsnNormaliseAndToken()
    {
        _tokenizer.TryComputeToken(IdentifierType.Bsn, "9999.90.019", ColumnOptions.Default, out var token, out _);
        return token;
    }

    [Benchmark(Description = "normalise + token: address")]
    public MatchToken AddressNormaliseAndToken()
    {
        _tokenizer.TryComputeToken(IdentifierType.Address, "1234 ab;12;a;2", ColumnOptions.Default, out var token, out _);
        return token;
    }

    [Benchmark(Description = "normalise + token: surname + birth date")]
    public MatchToken SurnameBirthDateNormaliseAndToken()
    {
        _tokenizer.TryComputeToken(IdentifierType.SurnameBirthDate, "van der Meer;19780300", ColumnOptions.Default, out var token, out _);
        return token;
    }

    [Benchmark(Description = "token of canonical BSN")]
    public MatchToken BsnToken() => _tokenizer.ComputeToken(_bsn);

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "token of canonical BSN, batch of 1024")]
    public MatchToken BsnBatchTokens()
    {
        _tokenizer.ComputeTokens(_bsnBatch, _batchTokens);
        return _batchTokens[^1];
    }
}
