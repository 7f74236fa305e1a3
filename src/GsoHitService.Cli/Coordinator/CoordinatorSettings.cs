namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Everything needed to call the coordinator: its address, the user's client certificate, the
/// CA that signed the coordinator's server certificate, and the deadline of each call.
/// </summary>
/// <param name="Address">The coordinator's <c>https://HOST:PORT</c> address.</param>
/// <param name="Certificate">PEM or PFX file with the client certificate.</param>
/// <param name="Key">PEM private-key file, when <paramref name="Certificate"/> is a PEM certificate without its key.</param>
/// <param name="CertificatePasswordFile">File whose first line is the password of the PFX file or the encrypted key.</param>
/// <param name="Ca">The only CA that the coordinator's server certificate may chain to.</param>
/// <param name="Timeout">Deadline of each call, counted from its start.</param>
/// <param name="SettingsFile">The settings file that was read, if any.</param>
internal sealed record CoordinatorSettings(
    Uri Address,
    SettingPath Certificate,
    SettingPath? Key,
    SettingPath? CertificatePasswordFile,
    SettingPath Ca,
    TimeSpan Timeout,
    string? SettingsFile);

/// <summary>An absolute file path and where the setting came from, for messages.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="Origin">The option, environment variable or settings-file key that set it, as users read it.</param>
internal sealed record SettingPath(string Path, string Origin);
