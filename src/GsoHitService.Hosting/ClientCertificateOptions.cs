namespace GsoHitService.Hosting;

/// <summary>
/// The allow-list of client certificates that may connect. A client certificate is accepted
/// when it is within its validity period and either its thumbprint is in
/// <see cref="AllowedThumbprints"/>, or it chains to the CA in <see cref="TrustedCaPath"/> and
/// its subject is in <see cref="AllowedSubjects"/>. Every other client is refused during the
/// TLS handshake.
/// </summary>
public sealed class ClientCertificateOptions
{
    /// <summary>
    /// Thumbprints of accepted client certificates: SHA-256 (64 hexadecimal digits, preferred)
    /// or SHA-1 (40 digits, as older Windows tools show them; SHA-1 is accepted for
    /// compatibility, and a SHA-256 entry is the safer choice). Spaces and colons are ignored,
    /// case does not matter. Default: empty.
    /// </summary>
    public List<string> AllowedThumbprints { get; } = [];

    /// <summary>
    /// Path of the CA certificate (PEM or DER) that client certificates must chain to. Only this
    /// CA is trusted for clients, not the machine's trusted roots. Absolute or relative to the
    /// content root. Requires <see cref="AllowedSubjects"/>. Default: none.
    /// </summary>
    public string? TrustedCaPath { get; set; }

    /// <summary>
    /// Subjects accepted from certificates that chain to <see cref="TrustedCaPath"/>. An entry
    /// without <c>=</c> is compared with the certificate's common name (CN), for example
    /// <c>coordinator</c>. An entry with <c>=</c> is a distinguished name compared with the whole
    /// subject, for example <c>CN=coordinator, O=Gemeente Voorbeeld</c>. Comparison ignores case.
    /// Default: empty.
    /// </summary>
    public List<string> AllowedSubjects { get; } = [];
}
