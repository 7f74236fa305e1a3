namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// One connection setting under its three names: the command-line option, the environment
/// variable and the key in <c>gso.json</c>. The option wins over the variable, the variable over
/// the file.
/// </summary>
internal sealed record SettingName(string Option, string Variable, string FileKey)
{
    public static SettingName Address { get; } = new("--coordinator", "GSO_COORDINATOR", "coordinator");

    public static SettingName Certificate { get; } = new("--certificaat", "GSO_CERTIFICAAT", "certificaat");

    public static SettingName Key { get; } = new("--sleutel", "GSO_SLEUTEL", "sleutel");

    public static SettingName CertificatePasswordFile { get; } = new("--certificaatwachtwoord", "GSO_CERTIFICAATWACHTWOORD", "certificaatwachtwoord");

    public static SettingName Ca { get; } = new("--ca", "GSO_CA", "ca");

    public static SettingName Timeout { get; } = new("--timeout", "GSO_TIMEOUT", "timeout");

    /// <summary>Every setting that a settings file may contain.</summary>
    public static IReadOnlyList<SettingName> All { get; } = [Address, Certificate, Key, CertificatePasswordFile, Ca, Timeout];

    /// <summary>Environment variable with the path of the settings file.</summary>
    public const string ConfigVariable = "GSO_CONFIG";

    /// <summary>Option with the path of the settings file.</summary>
    public const string ConfigOption = "--config";
}
