namespace GsoHitService.Matching.Internal;

/// <summary>
/// An HMAC-SHA256 key in precomputed form: the SHA-256 states after the inner (ipad) and outer
/// (opad) key blocks. Either state lets anyone compute MACs, so it is as secret as the key.
/// </summary>
internal struct HmacSha256Key
{
    /// <summary>State after compressing the key XOR ipad block.</summary>
    public Sha256State Inner;

    /// <summary>State after compressing the key XOR opad block.</summary>
    public Sha256State Outer;
}
