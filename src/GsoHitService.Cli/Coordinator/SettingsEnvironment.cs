namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// The parts of the process environment that connection settings come from; tests pass their own.
/// </summary>
/// <param name="GetVariable">Reads an environment variable; null when it is not set.</param>
/// <param name="CurrentDirectory">The folder that relative paths from options and variables resolve against.</param>
/// <param name="UserConfigDirectory">The user's configuration folder (<c>~/.config</c> on Linux, <c>%APPDATA%</c> on Windows).</param>
/// <param name="HomeDirectory">The user's home folder, for paths that start with <c>~/</c> in a settings file.</param>
internal sealed record SettingsEnvironment(
    Func<string, string?> GetVariable,
    string CurrentDirectory,
    string UserConfigDirectory,
    string HomeDirectory)
{
    public static SettingsEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify));
}
