using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Checks the certificate files of the connection settings before the channel is built, so that
/// a missing file, a wrong password or an expired certificate gets a message in the user's
/// language that names the setting to correct. The channel provider loads the files again.
/// </summary>
internal static class CertificateCheck
{
    public static void Run(CoordinatorSettings settings, DateTimeOffset now)
    {
        RequireFile(settings.Ca);
        RequireFile(settings.Certificate);
        if (settings.Key is { } key)
        {
            RequireFile(key);
        }

        if (settings.CertificatePasswordFile is { } passwordFile)
        {
            RequireFile(passwordFile);
        }

        CheckCa(settings.Ca);
        using var client = LoadClientCertificate(settings);
        CheckClientCertificate(client, settings.Certificate, now);
    }

    private static void RequireFile(SettingPath file)
    {
        if (!File.Exists(file.Path))
        {
            throw Invalid(CoordinatorStrings.CertificateFileNotFound, file.Path, file.Origin);
        }
    }

    private static void CheckCa(SettingPath ca)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificateFromFile(ca.Path);
        }
        catch (CryptographicException)
        {
            throw Invalid(CoordinatorStrings.CaUnreadable, ca.Path, ca.Origin);
        }

        using (certificate)
        {
            if (!certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(constraints => constraints.CertificateAuthority))
            {
                throw Invalid(CoordinatorStrings.CaNotAuthority, ca.Path, ca.Origin);
            }
        }
    }

    private static X509Certificate2 LoadClientCertificate(CoordinatorSettings settings)
    {
        var file = settings.Certificate;
        var password = ReadPassword(settings.CertificatePasswordFile);
        try
        {
            var content = File.ReadAllBytes(file.Path);
            var isPem = content.AsSpan().IndexOf("-----BEGIN "u8) >= 0;
            if (!isPem)
            {
                return X509CertificateLoader.LoadPkcs12(content, password);
            }

            var keyPath = settings.Key?.Path;
            if (keyPath is null && content.AsSpan().IndexOf("PRIVATE KEY-----"u8) < 0)
            {
                throw Invalid(CoordinatorStrings.CertificateWithoutKey, file.Path, file.Origin);
            }

            return password is null
                ? X509Certificate2.CreateFromPemFile(file.Path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(file.Path, password, keyPath);
        }
        catch (CryptographicException)
        {
            throw Invalid(password is null ? CoordinatorStrings.CertificateUnreadable : CoordinatorStrings.CertificateUnreadableWithPassword, file.Path, file.Origin);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Invalid(CoordinatorStrings.CertificateFileUnreadable, file.Path, file.Origin);
        }
    }

    private static void CheckClientCertificate(X509Certificate2 certificate, SettingPath file, DateTimeOffset now)
    {
        if (!certificate.HasPrivateKey)
        {
            throw Invalid(CoordinatorStrings.CertificateWithoutKey, file.Path, file.Origin);
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw Invalid(CoordinatorStrings.CertificateExpired, file.Path, file.Origin, LocalTimes.System.Format(certificate.NotAfter));
        }

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw Invalid(CoordinatorStrings.CertificateNotYetValid, file.Path, file.Origin, LocalTimes.System.Format(certificate.NotBefore));
        }
    }

    private static string? ReadPassword(SettingPath? passwordFile)
    {
        if (passwordFile is null)
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(passwordFile.Path, Encoding.UTF8);
            return reader.ReadLine() ?? string.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Invalid(CoordinatorStrings.CertificateFileUnreadable, passwordFile.Path, passwordFile.Origin);
        }
    }

    private static CoordinatorCommandException Invalid(string template, params object?[] arguments) =>
        new(ExitCodes.InvalidInput, Messages.Format(template, arguments));
}
