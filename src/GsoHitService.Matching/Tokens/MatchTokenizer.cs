namespace GsoHitService.Matching;

/// <summary>
/// Computes match tokens under one matching key. Thread-safe.
/// </summary>
public sealed class MatchTokenizer : IDisposable
{
    /// <summary>Derives the per-type keys from <paramref name="key"/>; the tokenizer does not take ownership of it.</summary>
    public MatchTokenizer(MatchingKey key) => throw new NotImplementedException();

    /// <summary>Id of the key epoch the tokens are computed under.</summary>
    public string KeyEpoch => throw new NotImplementedException();

    /// <summary>Computes the token of a canonical identifier.</summary>
    public MatchToken ComputeToken(CanonicalIdentifier identifier) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
