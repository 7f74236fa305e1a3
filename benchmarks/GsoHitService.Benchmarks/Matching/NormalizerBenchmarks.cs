using BenchmarkDotNet.Attributes;
using GsoHitService.Matching;

namespace GsoHitService.Benchmarks.Matching;

/// <summary>
/// Normalisation alone, per call: the allocation-free <see cref="IdentifierNormalizer.TryWriteEncoded"/>
/// path that the token hot path uses, and the allocating <see cref="IdentifierNormalizer.TryNormalize"/>
/// path for comparison and for the composite types.
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private readonly byte[] _destination = new byte[IdentifierNormalizer.MaxEncodedLength];

    [Benchmark(Baseline = true, Description = "TryWriteEncoded: BSN 999990019")]
    public int BsnPlain() => Encode(IdentifierType.Bsn, "999990019");

    [Benchmark(Description = "TryWriteEncoded: BSN 9999.90.019")]
    public int BsnWithSeparators() => Encode(IdentifierType.Bsn, "9999.90.019");

    [Benchmark(Description = "TryWriteEncoded: kenteken 12-XZB-3")]
    public int LicencePlate() => Encode(IdentifierType.LicencePlate, "12-XZB-3");

    [Benchmark(Description = "TryWriteEncoded: IBAN NL13 TEST 0123 4567 89")]
    public int Iban() => Encode(IdentifierType.Iban, "NL13 TEST 0123 4567 89");

    [Benchmark(Description = "TryNormalize: BSN 999990019")]
    public CanonicalIdentifier? BsnAllocating() => Normalize(IdentifierType.Bsn, "999990019");

    [Benchmark(Description = "TryNormalize: adres 1234 AB;12;a;2")]
    public CanonicalIdentifier? Address() => Normalize(IdentifierType.Address, "1234 AB;12;a;2");

    [Benchmark(Description = "TryNormalize: naam-geboortedatum Meer, van der;19850307")]
    public CanonicalIdentifier? SurnameBirthDate() => Normalize(IdentifierType.SurnameBirthDate, "Meer, van der;19850307");

    private int Encode(IdentifierType type, string value)
    {
        IdentifierNormalizer.TryWriteEncoded(type, value, ColumnOptions.Default, _destination, out var written, out _);
        return written;
    }

    private static CanonicalIdentifier? Normalize(IdentifierType type, string value)
    {
        IdentifierNormalizer.TryNormalize(type, value, ColumnOptions.Default, out var identifier, out _);
        return identifier;
    }
}
