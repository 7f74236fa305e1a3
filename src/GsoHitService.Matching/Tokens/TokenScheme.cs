namespace GsoHitService.Matching;

/// <summary>
/// Version of the keyed-hash token scheme: v1 is HMAC-SHA256 under a per-type key derived with
/// HKDF-SHA256 from the matching key of an epoch. See docs/token-scheme.md.
/// </summary>
public static class TokenScheme
{
    /// <summary>The scheme version that this build implements.</summary>
    public const int Version = 1;
}
