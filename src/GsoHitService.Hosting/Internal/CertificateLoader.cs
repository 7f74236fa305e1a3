using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Loads a certificate described by <see cref="CertificateSourceOptions"/>. Every failure is an
/// <see cref="InvalidSettingException"/> that names the setting to correct.
/// </summary>
internal static class CertificateLoader
{
    /// <summary>
    /// Loads the certificate, with its private key where the source contains one.
    /// </summary>
    /// <param name="options">Where the certificate comes from.</param>
    /// <param name="settingPrefix">The configuration key of the options, for example <c>Server:Certificate</c>.</param>
    /// <param name="contentRoot">The folder that relative paths are resolved against.</param>
    /// <param name="now">The time the validity period is checked at.</param>
    public static X509Certificate2 Load(CertificateSourceOptions options, string settingPrefix, string contentRoot, DateTimeOffset now)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.Path);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.StoreThumbprint);

        if (hasPath && hasThumbprint)
        {
            throw new InvalidSettingException(settingPrefix, $"{settingPrefix}: set either Path or StoreThumbprint, not both.");
        }

        if (!hasPath && !hasThumbprint)
        {
            throw new InvalidSettingException(
                $"{settingPrefix}:Path",
                $"{settingPrefix}:Path is missing. Set the path of a PEM or PFX file (or, on Windows, {settingPrefix}:StoreThumbprint).");
        }

        var certificate = hasPath
            ? LoadFromFile(options, settingPrefix, contentRoot)
            : LoadFromStore(options, settingPrefix);

        try
        {
            CheckValidityPeriod(certificate, settingPrefix, now);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }

        return certificate;
    }

    /// <summary>
    /// Loads a CA certificate (PEM or DER, without private key) from a path setting.
    /// </summary>
    public static X509Certificate2 LoadCaCertificate(string? configuredPath, string setting, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            throw new InvalidSettingException(setting, $"{setting} is missing. Set the path of the CA certificate (PEM or DER).");
        }

        var path = ExistingFile(configuredPath, setting, contentRoot);
        try
        {
            var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
            if (!IsCertificateAuthority(certificate))
            {
                certificate.Dispose();
                throw new InvalidSettingException(setting, $"{setting}: {path} is not a CA certificate (its basic constraints do not allow issuing certificates).");
            }

            return certificate;
        }
        catch (CryptographicException exception)
        {
            throw new InvalidSettingException(setting, $"{setting}: {path} is not a readable PEM or DER certificate: {exception.Message}", exception);
        }
    }

    private static X509Certificate2 LoadFromFile(CertificateSourceOptions options, string settingPrefix, string contentRoot)
    {
        var pathSetting = $"{settingPrefix}:Path";
        var path = ExistingFile(options.Path!, pathSetting, contentRoot);
        var password = ReadPassword(options, settingPrefix, contentRoot);
        var content = File.ReadAllBytes(path);

        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(content)
                ? LoadPem(options, settingPrefix, contentRoot, path, content, password)
                : X509CertificateLoader.LoadPkcs12(content, password);
        }
        catch (CryptographicException exception)
        {
            var hint = password is null
                ? "Check the file format (PEM or PFX), and whether it needs a password (PasswordFile or PasswordEnvironmentVariable)."
                : "Check the file format (PEM or PFX) and the password.";
            throw new InvalidSettingException(pathSetting, $"{pathSetting}: cannot read the certificate in {path}: {exception.Message} {hint}", exception);
        }

        return PlatformCertificates.PrepareForTls(certificate);
    }

    private static X509Certificate2 LoadPem(
        CertificateSourceOptions options, string settingPrefix, string contentRoot, string path, byte[] content, string? password)
    {
        string? keyPath = null;
        if (!string.IsNullOrWhiteSpace(options.KeyPath))
        {
            keyPath = ExistingFile(options.KeyPath, $"{settingPrefix}:KeyPath", contentRoot);
        }
        else if (!ContainsPrivateKey(content))
        {
            // A certificate without its key still loads, so that the start-up self-test can
            // report the missing private key with the certificate's thumbprint.
            return X509CertificateLoader.LoadCertificate(content);
        }

        return password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
    }

    private static X509Certificate2 LoadFromStore(CertificateSourceOptions options, string settingPrefix)
    {
        var setting = $"{settingPrefix}:StoreThumbprint";
        var thumbprint = Thumbprints.Normalize(options.StoreThumbprint)
            ?? throw new InvalidSettingException(setting, $"{setting}: '{options.StoreThumbprint}' is not a SHA-1 (40) or SHA-256 (64 hexadecimal digits) thumbprint.");

        if (!OperatingSystem.IsWindows())
        {
            throw new InvalidSettingException(setting, $"{setting}: certificate stores are used on Windows only. Set {settingPrefix}:Path to a PEM or PFX file instead.");
        }

        return WindowsCertificateStore.Find(thumbprint, options.StoreLocation)
            ?? throw new InvalidSettingException(setting, $"{setting}: no certificate with thumbprint {thumbprint} in the {options.StoreLocation}\\My store.");
    }

    private static string? ReadPassword(CertificateSourceOptions options, string settingPrefix, string contentRoot)
    {
        var hasFile = !string.IsNullOrWhiteSpace(options.PasswordFile);
        var hasVariable = !string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable);

        if (hasFile && hasVariable)
        {
            throw new InvalidSettingException(settingPrefix, $"{settingPrefix}: set either PasswordFile or PasswordEnvironmentVariable, not both.");
        }

        if (hasFile)
        {
            var path = ExistingFile(options.PasswordFile!, $"{settingPrefix}:PasswordFile", contentRoot);
            using var reader = new StreamReader(path, Encoding.UTF8);
            return reader.ReadLine() ?? string.Empty;
        }

        if (hasVariable)
        {
            var setting = $"{settingPrefix}:PasswordEnvironmentVariable";
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable!)
                ?? throw new InvalidSettingException(setting, $"{setting}: the environment variable {options.PasswordEnvironmentVariable} is not set for this process.");
        }

        return null;
    }

    private static string ExistingFile(string configuredPath, string setting, string contentRoot)
    {
        var path = ContentRootPaths.Resolve(contentRoot, configuredPath);
        if (!File.Exists(path))
        {
            throw new InvalidSettingException(setting, $"{setting}: file not found: {path} (relative paths are resolved against {contentRoot}).");
        }

        return path;
    }

    private static void CheckValidityPeriod(X509Certificate2 certificate, string settingPrefix, DateTimeOffset now)
    {
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw new InvalidSettingException(settingPrefix, $"{settingPrefix}: certificate {Thumbprints.Describe(certificate)} is not valid before {certificate.NotBefore.ToUniversalTime():u}.");
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw new InvalidSettingException(settingPrefix, $"{settingPrefix}: certificate {Thumbprints.Describe(certificate)} expired on {certificate.NotAfter.ToUniversalTime():u}. Install a renewed certificate.");
        }
    }

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(constraints => constraints.CertificateAuthority);

    private static bool IsPem(ReadOnlySpan<byte> content) => content.IndexOf("-----BEGIN "u8) >= 0;

    private static bool ContainsPrivateKey(ReadOnlySpan<byte> content) => content.IndexOf("PRIVATE KEY-----"u8) >= 0;
}
