namespace GsoHitService.Hosting;

/// <summary>
/// Settings of the gRPC client side (the coordinator calling agents), bound from the section given
/// to <see cref="MutualTlsClientExtensions.AddMutualTlsGrpcClient"/>.
/// </summary>
/// <example>
/// <code language="json">
/// "AgentClient": {
///   "Certificate": { "Path": "certs/coordinator-client.crt.pem", "KeyPath": "certs/coordinator-client.key.pem" },
///   "TrustedCaPath": "certs/ca.crt.pem"
/// }
/// </code>
/// </example>
public sealed class MutualTlsClientOptions
{
    /// <summary>The client certificate with its private key, presented to every server.</summary>
    public CertificateSourceOptions Certificate { get; set; } = new();

    /// <summary>
    /// Path of the CA certificate (PEM or DER) that server certificates must chain to. Only this
    /// CA is trusted, not the machine's trusted roots. Absolute or relative to the content root.
    /// Required.
    /// </summary>
    public string? TrustedCaPath { get; set; }

    /// <summary>
    /// Interval after which an idle connection sends an HTTP/2 keep-alive ping. Default:
    /// <see cref="GrpcLimits.DefaultKeepAlivePingDelay"/> (30 s). Kestrel acknowledges pings at any
    /// rate, so servers of this product accept any value of at least one second.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = GrpcLimits.DefaultKeepAlivePingDelay;

    /// <summary>
    /// Time to wait for a ping's acknowledgement before the connection is closed. Default:
    /// <see cref="GrpcLimits.DefaultKeepAlivePingTimeout"/> (20 s).
    /// </summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = GrpcLimits.DefaultKeepAlivePingTimeout;

    /// <summary>
    /// Maximum wait between attempts to reconnect to a server that could not be reached. The wait
    /// starts at one second and grows. While it runs, calls to that server fail at once as
    /// UNAVAILABLE, so a server that is back is used again within this time. Default 5 seconds
    /// (the gRPC client's own default is 120); 1 second to 5 minutes.
    /// </summary>
    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
