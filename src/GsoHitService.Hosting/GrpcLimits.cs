namespace GsoHitService.Hosting;

/// <summary>
/// Transport limits that the coordinator and the agents must share, so that a message one side
/// may send is never rejected by the other as too large.
/// </summary>
public static class GrpcLimits
{
    /// <summary>
    /// Maximum size in bytes of one gRPC message, sent or received, on both sides (4 MiB).
    /// A caller splits larger batches into several calls.
    /// </summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Default interval after which an idle HTTP/2 connection sends a keep-alive ping (30 s).
    /// Firewalls that drop idle connections silently then break the connection early, so the
    /// next call fails fast or opens a new connection instead of hanging until its deadline.
    /// </summary>
    public static readonly TimeSpan DefaultKeepAlivePingDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Default time to wait for a keep-alive ping's acknowledgement before the connection is
    /// closed (20 s).
    /// </summary>
    public static readonly TimeSpan DefaultKeepAlivePingTimeout = TimeSpan.FromSeconds(20);
}
