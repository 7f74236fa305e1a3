using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting;

/// <summary>
/// Where a certificate with its private key comes from: a PEM or PKCS#12 (PFX) file, or on
/// Windows a certificate store. Set either <see cref="Path"/> or <see cref="StoreThumbprint"/>.
/// </summary>
/// <remarks>
/// There is deliberately no password property: a password in <c>appsettings.json</c> would sit
/// in plain text beside the key it protects. Use <see cref="PasswordFile"/> or
/// <see cref="PasswordEnvironmentVariable"/>.
/// </remarks>
public sealed class CertificateSourceOptions
{
    /// <summary>
    /// Path of a PEM or PKCS#12 (.pfx, .p12) file, absolute or relative to the content root.
    /// A PEM file may contain the private key after the certificate, or name it in
    /// <see cref="KeyPath"/>. Default: none.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Path of the PEM private-key file (PKCS#8, encrypted or not) when <see cref="Path"/> is a
    /// PEM certificate without its key. Absolute or relative to the content root. Default: none.
    /// </summary>
    public string? KeyPath { get; set; }

    /// <summary>
    /// Path of a file whose first line is the password of the PFX file or the encrypted PEM key.
    /// Absolute or relative to the content root. Default: none (no password).
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// Name of the environment variable that contains the password of the PFX file or the encrypted
    /// PEM key. Default: none (no password).
    /// </summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>
    /// Thumbprint of a certificate in the Windows store given by <see cref="StoreLocation"/>
    /// (store "My"): SHA-1 (40 hexadecimal digits, as the Windows certificate manager shows it)
    /// or SHA-256 (64 digits). Spaces and colons are ignored. Windows only. Default: none.
    /// </summary>
    public string? StoreThumbprint { get; set; }

    /// <summary>
    /// Store that <see cref="StoreThumbprint"/> is looked up in. Default:
    /// <see cref="StoreLocation.LocalMachine"/>, the usual place for a service's certificate.
    /// </summary>
    public StoreLocation StoreLocation { get; set; } = StoreLocation.LocalMachine;
}
