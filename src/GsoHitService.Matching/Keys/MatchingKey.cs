namespace GsoHitService.Matching;

/// <summary>
/// The municipality's secret for keyed-hash tokens in one epoch. Opaque: no property exposes the
/// key bytes, and <see cref="ToString"/> shows only the epoch id.
/// </summary>
public sealed class MatchingKey : IDisposable
{
    /// <summary>Length of the key material in bytes (256 bits).</summary>
    public const int KeyLength = 32;

    private MatchingKey(string epochId)
    {
        EpochId = epochId;
    }

    /// <summary>Id of the key epoch, for example <c>2026-12</c>.</summary>
    public string EpochId { get; }

    /// <summary>Creates a new random key for an epoch.</summary>
    public static MatchingKey Generate(string epochId) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();

    public override string ToString() => $"MatchingKey(epoch {EpochId})";
}
