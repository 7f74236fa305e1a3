using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Checks the gRPC client settings at start-up; each failure names the setting and where it is set.
/// </summary>
internal sealed class MutualTlsClientOptionsValidator(
    ClientSettingsSection section,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider timeProvider) : IValidateOptions<MutualTlsClientOptions>
{
    private static readonly TimeSpan MinimumPingDelay = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, MutualTlsClientOptions options)
    {
        var failures = new SettingFailures(configuration);
        var prefix = section.Name;

        if (configuration[$"{prefix}:Certificate:Password"] is not null)
        {
            failures.Add($"{prefix}:Certificate:Password", $"{prefix}:Certificate:Password is not accepted: a password must not be stored in configuration. Remove it and use {prefix}:Certificate:PasswordFile or {prefix}:Certificate:PasswordEnvironmentVariable.");
        }

        try
        {
            using var certificate = CertificateLoader.Load(options.Certificate, $"{prefix}:Certificate", environment.ContentRootPath, timeProvider.GetUtcNow());
            var keyProblem = PrivateKeyCheck.FindProblem(certificate);
            if (keyProblem is not null)
            {
                failures.Add($"{prefix}:Certificate", $"{prefix}:Certificate {Thumbprints.Describe(certificate)} cannot be used by account '{Environment.UserName}': {keyProblem}.");
            }
        }
        catch (InvalidSettingException exception)
        {
            failures.Add(exception.Setting, exception.Message);
        }

        try
        {
            using var ca = CertificateLoader.LoadCaCertificate(options.TrustedCaPath, $"{prefix}:TrustedCaPath", environment.ContentRootPath);
        }
        catch (InvalidSettingException exception)
        {
            failures.Add(exception.Setting, exception.Message);
        }

        if (options.KeepAlivePingDelay < MinimumPingDelay)
        {
            failures.Add($"{prefix}:KeepAlivePingDelay", $"{prefix}:KeepAlivePingDelay {options.KeepAlivePingDelay} is below the minimum of 00:00:01.");
        }

        if (options.KeepAlivePingTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:KeepAlivePingTimeout", $"{prefix}:KeepAlivePingTimeout {options.KeepAlivePingTimeout} must be positive.");
        }

        if (options.MaxReconnectBackoff < TimeSpan.FromSeconds(1) || options.MaxReconnectBackoff > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{prefix}:MaxReconnectBackoff", $"{prefix}:MaxReconnectBackoff {options.MaxReconnectBackoff} must be between 00:00:01 and 00:05:00.");
        }

        return failures.ToResult();
    }
}

/// <summary>The configuration section that the client options are bound from.</summary>
internal sealed record ClientSettingsSection(string Name);
