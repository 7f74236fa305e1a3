using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Checks the server settings at start-up. Each failure names the setting and where it is set,
/// so that the operator knows which file to correct.
/// </summary>
internal sealed class MutualTlsServerOptionsValidator(
    ServerSettingsSection section,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider timeProvider) : IValidateOptions<MutualTlsServerOptions>
{
    public ValidateOptionsResult Validate(string? name, MutualTlsServerOptions options)
    {
        var failures = new SettingFailures(configuration);

        ValidateEndpoints(options, failures);
        ValidateOtherEndpointSettings(failures);
        ValidateCertificate(options, failures);
        ValidateClientCertificates(options, failures);

        return failures.ToResult();
    }

    private void ValidateEndpoints(MutualTlsServerOptions options, SettingFailures failures)
    {
        var setting = $"{section.Name}:Endpoints";
        if (options.Endpoints.Count == 0)
        {
            failures.Add(setting, $"{setting} is empty. List at least one https://HOST:PORT URL to listen on.");
            return;
        }

        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            if (!HttpsEndpoint.TryParse(options.Endpoints[i], out _, out var problem))
            {
                failures.Add($"{setting}:{i}", $"{setting}:{i} {problem}.");
            }
        }
    }

    /// <summary>
    /// Rejects endpoints from the standard ASP.NET Core settings. Kestrel would ignore the
    /// <c>urls</c> and port settings next to our endpoints, but it would bind
    /// <c>Kestrel:Endpoints</c> with its own TLS settings, without the client-certificate check.
    /// </summary>
    private void ValidateOtherEndpointSettings(SettingFailures failures)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls) && urls.Contains("http://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("urls", $"urls (ASPNETCORE_URLS, DOTNET_URLS or --urls) contains a plaintext (http://) endpoint: '{urls}'. Remove it; endpoints come from {section.Name}:Endpoints and must be https://.");
        }

        var httpPorts = configuration["http_ports"];
        if (!string.IsNullOrWhiteSpace(httpPorts))
        {
            failures.Add("http_ports", $"http_ports (ASPNETCORE_HTTP_PORTS or DOTNET_HTTP_PORTS) asks for plaintext (http://) ports '{httpPorts}'. Remove it (container images set ASPNETCORE_HTTP_PORTS=8080 by default); endpoints come from {section.Name}:Endpoints.");
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var key = $"{endpoint.Path}:Url";
            var url = endpoint["Url"] ?? string.Empty;
            var problem = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                ? $"{key} is a plaintext (http://) endpoint: '{url}'. Remove it; endpoints come from {section.Name}:Endpoints and must be https://."
                : $"{endpoint.Path} would be bound without the client-certificate check. Remove it and list the URL in {section.Name}:Endpoints.";
            failures.Add(key, problem);
        }
    }

    private void ValidateCertificate(MutualTlsServerOptions options, SettingFailures failures)
    {
        var prefix = $"{section.Name}:Certificate";
        if (configuration[$"{prefix}:Password"] is not null)
        {
            failures.Add($"{prefix}:Password", $"{prefix}:Password is not accepted: a password must not be stored in configuration. Remove it and use {prefix}:PasswordFile or {prefix}:PasswordEnvironmentVariable.");
        }

        try
        {
            using var certificate = CertificateLoader.Load(options.Certificate, prefix, environment.ContentRootPath, timeProvider.GetUtcNow());
        }
        catch (InvalidSettingException exception)
        {
            failures.Add(exception.Setting, exception.Message);
        }
    }

    private void ValidateClientCertificates(MutualTlsServerOptions options, SettingFailures failures)
    {
        var prefix = $"{section.Name}:ClientCertificates";
        var clients = options.ClientCertificates;

        for (var i = 0; i < clients.AllowedThumbprints.Count; i++)
        {
            if (Thumbprints.Normalize(clients.AllowedThumbprints[i]) is null)
            {
                failures.Add($"{prefix}:AllowedThumbprints:{i}", $"{prefix}:AllowedThumbprints:{i} '{clients.AllowedThumbprints[i]}' is not a SHA-256 (64) or SHA-1 (40 hexadecimal digits) thumbprint.");
            }
        }

        var hasCa = !string.IsNullOrWhiteSpace(clients.TrustedCaPath);
        if (hasCa)
        {
            try
            {
                using var ca = CertificateLoader.LoadCaCertificate(clients.TrustedCaPath, $"{prefix}:TrustedCaPath", environment.ContentRootPath);
            }
            catch (InvalidSettingException exception)
            {
                failures.Add(exception.Setting, exception.Message);
            }

            if (clients.AllowedSubjects.Count == 0)
            {
                failures.Add($"{prefix}:AllowedSubjects", $"{prefix}:AllowedSubjects is empty. With {prefix}:TrustedCaPath, list the subjects (for example the CN 'coordinator') that may connect; otherwise every certificate of that CA could.");
            }
        }
        else if (clients.AllowedSubjects.Count > 0)
        {
            failures.Add($"{prefix}:TrustedCaPath", $"{prefix}:TrustedCaPath is missing. {prefix}:AllowedSubjects only applies to certificates of a trusted CA.");
        }

        if (!hasCa && clients.AllowedThumbprints.Count == 0)
        {
            failures.Add($"{prefix}:AllowedThumbprints", $"{prefix} allows no client. Set {prefix}:AllowedThumbprints, or {prefix}:TrustedCaPath with {prefix}:AllowedSubjects.");
        }

        for (var i = 0; i < clients.AllowedSubjects.Count; i++)
        {
            var subject = clients.AllowedSubjects[i];
            if (string.IsNullOrWhiteSpace(subject))
            {
                failures.Add($"{prefix}:AllowedSubjects:{i}", $"{prefix}:AllowedSubjects:{i} is empty.");
                continue;
            }

            if (subject.Contains('=', StringComparison.Ordinal) && !IsDistinguishedName(subject))
            {
                failures.Add($"{prefix}:AllowedSubjects:{i}", $"{prefix}:AllowedSubjects:{i} '{subject}' is not a distinguished name such as 'CN=coordinator, O=Gemeente Voorbeeld'.");
            }
        }
    }

    private static bool IsDistinguishedName(string subject)
    {
        try
        {
            _ = new X500DistinguishedName(subject);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
