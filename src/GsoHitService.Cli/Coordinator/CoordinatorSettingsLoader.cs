using System.Globalization;
using System.Text.Json;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Combines the connection settings from the command line, the environment and <c>gso.json</c>.
/// </summary>
/// <remarks>
/// Each setting is taken from its option, else from its environment variable, else from the
/// settings file (see <see cref="SettingName"/>). The settings file is the one that
/// <c>--config</c> or <c>GSO_CONFIG</c> names, else <c>./gso.json</c>, else
/// <c>gso/gso.json</c> in the user's configuration folder. Relative paths in the settings file
/// resolve against the file's folder; relative paths in options and variables against the
/// current folder.
/// </remarks>
internal static class CoordinatorSettingsLoader
{
    public const string FileName = "gso.json";

    /// <summary>Largest accepted call timeout; a hit query over many agents stays well below it.</summary>
    public const int MaxTimeoutSeconds = 3600;

    public static CoordinatorSettings Load(ConnectionInput input, SettingsEnvironment environment, TimeSpan defaultTimeout)
    {
        var settingsFile = FindSettingsFile(input.ConfigFile, environment);
        var fileValues = settingsFile is null ? new Dictionary<string, JsonElement>() : SettingsFile.Read(settingsFile);
        var sources = new Sources(environment, settingsFile, fileValues);

        var address = sources.Find(SettingName.Address, input.Address) ?? throw sources.Missing(SettingName.Address, CoordinatorStrings.SettingAddress);
        var certificate = sources.Find(SettingName.Certificate, input.Certificate) ?? throw sources.Missing(SettingName.Certificate, CoordinatorStrings.SettingCertificate);
        var ca = sources.Find(SettingName.Ca, input.Ca) ?? throw sources.Missing(SettingName.Ca, CoordinatorStrings.SettingCa);
        var key = sources.Find(SettingName.Key, input.Key);
        var passwordFile = sources.Find(SettingName.CertificatePasswordFile, input.CertificatePasswordFile);
        var timeout = sources.Find(SettingName.Timeout, input.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));

        return new CoordinatorSettings(
            ParseAddress(address),
            ToPath(certificate, environment),
            key is null ? null : ToPath(key, environment),
            passwordFile is null ? null : ToPath(passwordFile, environment),
            ToPath(ca, environment),
            timeout is null ? defaultTimeout : ParseTimeout(timeout),
            settingsFile);
    }

    private static string? FindSettingsFile(string? configOption, SettingsEnvironment environment)
    {
        var variable = environment.GetVariable(SettingName.ConfigVariable);
        var (named, origin) = !string.IsNullOrWhiteSpace(configOption)
            ? (configOption, SettingName.ConfigOption)
            : (variable, SettingName.ConfigVariable);

        if (!string.IsNullOrWhiteSpace(named))
        {
            var path = Path.GetFullPath(named, environment.CurrentDirectory);
            return File.Exists(path)
                ? path
                : throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.SettingsFileNotFound, path, origin));
        }

        return DefaultLocations(environment).FirstOrDefault(File.Exists);
    }

    /// <summary>The settings files looked for when neither <c>--config</c> nor <c>GSO_CONFIG</c> names one.</summary>
    public static IReadOnlyList<string> DefaultLocations(SettingsEnvironment environment) =>
    [
        Path.Combine(environment.CurrentDirectory, FileName),
        Path.Combine(environment.UserConfigDirectory, "gso", FileName),
    ];

    private static Uri ParseAddress(FoundSetting setting)
    {
        var valid = Uri.TryCreate(setting.Value.Trim(), UriKind.Absolute, out var address)
            && address.Scheme == Uri.UriSchemeHttps
            && address.AbsolutePath == "/"
            && address.Query.Length == 0
            && address.Fragment.Length == 0
            && address.UserInfo.Length == 0;

        return valid
            ? address!
            : throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.AddressInvalid, setting.Origin, setting.Value));
    }

    private static TimeSpan ParseTimeout(FoundSetting setting)
    {
        var valid = int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 1 and <= MaxTimeoutSeconds;

        return valid
            ? TimeSpan.FromSeconds(seconds)
            : throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.TimeoutInvalid, setting.Origin, MaxTimeoutSeconds));
    }

    private static SettingPath ToPath(FoundSetting setting, SettingsEnvironment environment)
    {
        var value = setting.Value.Trim();

        // A shell expands ~ in options; a settings file gets the same convenience.
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal))
        {
            value = Path.Combine(environment.HomeDirectory, value.TrimStart('~').TrimStart('/'));
        }

        return new SettingPath(Path.GetFullPath(value, setting.BaseDirectory), setting.Origin);
    }

    /// <summary>A setting's text value, where it came from, and the folder its relative paths resolve against.</summary>
    private sealed record FoundSetting(string Value, string Origin, string BaseDirectory);

    private sealed class Sources(SettingsEnvironment environment, string? settingsFile, IReadOnlyDictionary<string, JsonElement> fileValues)
    {
        public FoundSetting? Find(SettingName name, string? optionValue)
        {
            if (!string.IsNullOrWhiteSpace(optionValue))
            {
                return new FoundSetting(optionValue, name.Option, environment.CurrentDirectory);
            }

            var variable = environment.GetVariable(name.Variable);
            if (!string.IsNullOrWhiteSpace(variable))
            {
                return new FoundSetting(variable, name.Variable, environment.CurrentDirectory);
            }

            if (settingsFile is not null && fileValues.TryGetValue(name.FileKey, out var element))
            {
                var text = element.ValueKind == JsonValueKind.Number ? element.GetRawText() : element.GetString();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    var origin = Messages.Format(CoordinatorStrings.OriginSettingsFile, name.FileKey, settingsFile);
                    return new FoundSetting(text, origin, Path.GetDirectoryName(settingsFile)!);
                }
            }

            return null;
        }

        public CoordinatorCommandException Missing(SettingName name, string description)
        {
            var looked = settingsFile is not null
                ? Messages.Format(CoordinatorStrings.SettingsFileUsed, settingsFile)
                : Messages.Format(CoordinatorStrings.SettingsFileNoneFound, string.Join(", ", DefaultLocations(environment)));
            var message = Messages.Format(CoordinatorStrings.SettingMissing, description, name.Option, name.Variable, name.FileKey, FileName);
            return new CoordinatorCommandException(ExitCodes.UsageError, message + Environment.NewLine + looked);
        }
    }
}
